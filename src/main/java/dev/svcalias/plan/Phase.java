package dev.svcalias.plan;

/**
 * The safe order of a plan that mixes kinds (a migration between modes): the aliases' namespace first, then the new
 * objects, then the switch of kube-dns's side of the zone, then the old objects go, and their namespace last. So at
 * every moment the zone is answered by the old setup or by the complete new one.
 */
public enum Phase {
    CREATE_NAMESPACE,
    PUT_OBJECT,
    /** kube-dns's side of the zone, wherever the platform keeps it (Corefile, coredns-custom key, stubDomains...). */
    SWITCH,
    DELETE_OBJECT,
    DELETE_NAMESPACE
}
