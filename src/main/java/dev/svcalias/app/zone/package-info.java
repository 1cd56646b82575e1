/** Zone writers ("sides") with the platforms they serve: the DNS chain read from the cluster, the detected platform, and one writer per ZoneTarget. */
package dev.svcalias.app.zone;
