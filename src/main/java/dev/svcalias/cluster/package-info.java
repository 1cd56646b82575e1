/** The Kubernetes API port (Cluster and its parts) and its one adapter, on fabric8: the only fabric8 code. */
package dev.svcalias.cluster;
