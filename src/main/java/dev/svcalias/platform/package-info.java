/** Where a platform keeps DNS configuration (kubeadm, AKS, k3s, RKE2, EKS, GKE, OpenShift, NodeLocal DNSCache), detected from what the cluster shows. */
package dev.svcalias.platform;
