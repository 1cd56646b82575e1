package dev.svcalias.plan;

/**
 * One write svcalias intends to make. The same objects drive --dry-run output and the real apply. Each kind carries
 * every operation the commands need of it (whether it writes, its phase, what --dry-run and diff show, and through
 * {@link Visitor} how it is applied), so a new kind does not compile until each of them exists.
 */
public sealed interface Change permits CorefileChange, ServiceEntryPut, ServiceEntryDelete, AliasServicePut,
        AliasServiceDelete, NamespaceCreate, NamespaceDelete,
        ConfigMapKeyChange, OperatorServerChange, ChartValuesChange, VirtualServicePut, VirtualServiceDelete {
    /** A short, past-tense description for the result table ("added server block internal:53 ..."). */
    String summary();

    /** The target, as kubectl would name it: "configmap kube-system/coredns". */
    String target();

    /** False when applying it would leave the object as it is (an idempotent re-run). */
    boolean writes();

    /** When it runs among the other changes of a plan that mixes kinds (a migration). */
    Phase phase();

    /** What --dry-run shows of it. */
    Preview dryRun();

    /** What {@code diff} shows of it as one step of an alias: its object before and after, as kubectl diff would. */
    Preview objectDiff();

    /** Calls the visitor's method for this kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of change: whoever applies changes implements all of them, or does not compile. */
    interface Visitor<R> {
        R corefile(CorefileChange change);

        R configMapKey(ConfigMapKeyChange change);

        R chartValues(ChartValuesChange change);

        R operatorServer(OperatorServerChange change);

        R serviceEntryPut(ServiceEntryPut change);

        R serviceEntryDelete(ServiceEntryDelete change);

        R aliasServicePut(AliasServicePut change);

        R aliasServiceDelete(AliasServiceDelete change);

        R virtualServicePut(VirtualServicePut change);

        R virtualServiceDelete(VirtualServiceDelete change);

        R namespaceCreate(NamespaceCreate change);

        R namespaceDelete(NamespaceDelete change);
    }
}
