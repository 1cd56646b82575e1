/** Use cases (one per command) and the domain they orchestrate: modes, alias backends, zone writers, plan application, DNS probes; no picocli, no fabric8. */
package dev.svcalias.app;
