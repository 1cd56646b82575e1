/** Corefiles as text in, text out: the lossless parser, svcalias's owned regions, edits and CoreDNS's load checks. */
package dev.svcalias.corefile;
