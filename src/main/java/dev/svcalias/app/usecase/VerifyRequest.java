package dev.svcalias.app.usecase;

import dev.svcalias.app.zone.ClusterLayout;
import java.time.Duration;
import java.util.List;

/** Inputs of {@code svcalias verify}; {@code names} empty means every alias. */
public record VerifyRequest(List<String> names, String domain, boolean waitForPass, Duration timeout, Duration interval,
                            ClusterLayout layout) {}
