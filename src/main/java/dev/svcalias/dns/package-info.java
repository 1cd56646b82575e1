/** DNS queries (dnsjava) behind an interface, for verify's direct probes. */
package dev.svcalias.dns;
