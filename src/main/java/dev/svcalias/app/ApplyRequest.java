package dev.svcalias.app;

import dev.svcalias.aliasfile.AliasFile;

/** Inputs of apply and diff for one cluster; {@code write} false for diff and --dry-run. */
public record ApplyRequest(AliasFile file, boolean prune, boolean write, int parallelism, ClusterLayout layout) {}
