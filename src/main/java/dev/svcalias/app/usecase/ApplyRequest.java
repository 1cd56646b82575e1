package dev.svcalias.app.usecase;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.app.zone.ClusterLayout;

/** Inputs of apply and diff for one cluster; {@code write} false for diff and --dry-run. */
public record ApplyRequest(AliasFile file, boolean prune, boolean write, int parallelism, ClusterLayout layout) {}
