/** Modes: how a zone is answered (coredns, istio, istiocoredns): each sets its zone up, migrates between modes and names its alias backend. */
package dev.svcalias.app.mode;
