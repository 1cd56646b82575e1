package dev.svcalias.plan;

/** One write svcalias intends to make. The same objects drive --dry-run output and the real apply. */
public sealed interface Change permits CorefileChange, ServiceEntryPut, ServiceEntryDelete, AliasServicePut,
        AliasServiceDelete, NamespaceCreate, NamespaceDelete,
        ConfigMapKeyChange, OperatorServerChange, ChartValuesChange, VirtualServicePut, VirtualServiceDelete {
    /** A short, past-tense description for the result table ("added server block internal:53 ..."). */
    String summary();

    /** The target, as kubectl would name it: "configmap kube-system/coredns". */
    String target();
}
