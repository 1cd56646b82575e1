/** The application, in rooms: use cases, modes, alias backends, zones and their writers, plan application, DNS probes; Parallel is shared by them. No picocli, no fabric8. */
package dev.svcalias.app;
