# fish completion for svcalias. Install: copy to ~/.config/fish/completions/svcalias.fish
# Generated from the command model; do not edit (mvn -q -Pregen process-classes).

set -g __svcalias_commands 'init' 'alias' 'alias add' 'alias list' 'alias ls' 'alias remove' 'alias rm' 'alias delete' 'add' 'apply' 'diff' 'verify' 'status' 'reset' 'corefile' 'corefile stub-domain' 'corefile istio' 'corefile remove' 'corefile check' 'version'

# the subcommand path typed so far ("", "alias", "alias add"...): words that extend a known path
function __svcalias_path
    set -l words (commandline -opc)
    set -e words[1]
    set -l path ""
    for w in $words
        string match -q -- '-*' $w; and continue
        set -l next (string trim -- "$path $w")
        contains -- $next $__svcalias_commands; and set path $next
    end
    echo $path
end

function __svcalias_at
    test (__svcalias_path) = "$argv"
end

complete -c svcalias -f

# svcalias
complete -c svcalias -n '__svcalias_at ' -a 'init' -d 'Set up a DNS zone for aliases, in the mode the cluster needs'
complete -c svcalias -n '__svcalias_at ' -a 'alias' -d 'Manage aliases: NAME.ZONE names that resolve to a Service\'s ClusterIP'
complete -c svcalias -n '__svcalias_at ' -a 'add' -d 'Make NAME.ZONE resolve to TARGET\'s ClusterIP (an Istio ServiceEntry in TARGET\'s namespace)'
complete -c svcalias -n '__svcalias_at ' -a 'apply' -d 'Make the cluster\'s aliases match a file: create, update and (with --prune) delete ServiceEntries; see docs/apply.md'
complete -c svcalias -n '__svcalias_at ' -a 'diff' -d 'Show what \'apply -f FILE\' would change: unified diffs of the ServiceEntries and the plan'
complete -c svcalias -n '__svcalias_at ' -a 'verify' -d 'Check that aliases resolve: the DNS chain in the Corefiles, then real A and AAAA queries through kube-dns'
complete -c svcalias -n '__svcalias_at ' -a 'status' -d 'Show what svcalias configured: zones, CoreDNS versions, aliases, and any problems'
complete -c svcalias -n '__svcalias_at ' -a 'reset' -d 'Remove svcalias\'s Corefile edits, restoring both Corefiles byte for byte'
complete -c svcalias -n '__svcalias_at ' -a 'corefile' -d 'Offline Corefile edits for GitOps: read --file (or stdin), write the result to stdout'
complete -c svcalias -n '__svcalias_at ' -a 'version' -d 'Print the version, the git commit it was built from, the build date and the Java runtime (-o json for scripts)'
complete -c svcalias -n '__svcalias_at ' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at ' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'
complete -c svcalias -n '__svcalias_at ' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at ' -s V -l version -d 'Print version information and exit'

# svcalias init
complete -c svcalias -n '__svcalias_at init' -l domain -x -d 'The zone for aliases, e.g'
complete -c svcalias -n '__svcalias_at init' -l mode -x -d 'auto, istiocoredns, coredns or istio (default: auto)'
complete -c svcalias -n '__svcalias_at init' -l coredns-version -x -d 'istiocoredns\'s CoreDNS version (default: read from its Deployment\'s image tag)'
complete -c svcalias -n '__svcalias_at init' -l force -d 'Accept a zone that shadows the cloud provider\'s own names'
complete -c svcalias -n '__svcalias_at init' -l restart -d 'Rollout-restart CoreDNS Deployments whose Corefile has no reload plugin'
complete -c svcalias -n '__svcalias_at init' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at init' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at init' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at init' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at init' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at init' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at init' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at init' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at init' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at init' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at init' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at init' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at init' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias alias
complete -c svcalias -n '__svcalias_at alias' -a 'add' -d 'Make NAME.ZONE resolve to TARGET\'s ClusterIP (an Istio ServiceEntry in TARGET\'s namespace)'
complete -c svcalias -n '__svcalias_at alias' -a 'list' -d 'List aliases: target, address, namespace, and whether the address still equals the target\'s ClusterIP'
complete -c svcalias -n '__svcalias_at alias' -a 'ls' -d 'List aliases: target, address, namespace, and whether the address still equals the target\'s ClusterIP'
complete -c svcalias -n '__svcalias_at alias' -a 'remove' -d 'Remove an alias (the ServiceEntry svcalias created for NAME.ZONE)'
complete -c svcalias -n '__svcalias_at alias' -a 'rm' -d 'Remove an alias (the ServiceEntry svcalias created for NAME.ZONE)'
complete -c svcalias -n '__svcalias_at alias' -a 'delete' -d 'Remove an alias (the ServiceEntry svcalias created for NAME.ZONE)'
complete -c svcalias -n '__svcalias_at alias' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at alias' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at alias' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at alias' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias alias add
complete -c svcalias -n '__svcalias_at alias add' -s n -l namespace -x -d 'TARGET\'s namespace'
complete -c svcalias -n '__svcalias_at alias add' -l domain -x -d 'The zone (default: the one svcalias init set up)'
complete -c svcalias -n '__svcalias_at alias add' -l force -d 'Re-point an alias that already points at another Service'
complete -c svcalias -n '__svcalias_at alias add' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at alias add' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at alias add' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at alias add' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at alias add' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at alias add' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at alias add' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at alias add' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at alias add' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at alias add' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at alias add' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at alias add' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at alias add' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias alias list
complete -c svcalias -n '__svcalias_at alias list' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at alias list' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at alias list' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at alias list' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at alias list' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at alias list' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at alias list' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias alias ls
complete -c svcalias -n '__svcalias_at alias ls' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at alias ls' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at alias ls' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at alias ls' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at alias ls' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at alias ls' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at alias ls' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias alias remove
complete -c svcalias -n '__svcalias_at alias remove' -l domain -x -d 'The zone (default: the one svcalias init set up)'
complete -c svcalias -n '__svcalias_at alias remove' -l ignore-not-found -d 'Succeed when the alias does not exist'
complete -c svcalias -n '__svcalias_at alias remove' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at alias remove' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at alias remove' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at alias remove' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at alias remove' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at alias remove' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at alias remove' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at alias remove' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at alias remove' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at alias remove' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at alias remove' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at alias remove' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at alias remove' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias alias rm
complete -c svcalias -n '__svcalias_at alias rm' -l domain -x -d 'The zone (default: the one svcalias init set up)'
complete -c svcalias -n '__svcalias_at alias rm' -l ignore-not-found -d 'Succeed when the alias does not exist'
complete -c svcalias -n '__svcalias_at alias rm' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at alias rm' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at alias rm' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at alias rm' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at alias rm' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at alias rm' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at alias rm' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at alias rm' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at alias rm' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at alias rm' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at alias rm' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at alias rm' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at alias rm' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias alias delete
complete -c svcalias -n '__svcalias_at alias delete' -l domain -x -d 'The zone (default: the one svcalias init set up)'
complete -c svcalias -n '__svcalias_at alias delete' -l ignore-not-found -d 'Succeed when the alias does not exist'
complete -c svcalias -n '__svcalias_at alias delete' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at alias delete' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at alias delete' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at alias delete' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at alias delete' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at alias delete' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at alias delete' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at alias delete' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at alias delete' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at alias delete' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at alias delete' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at alias delete' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at alias delete' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias add
complete -c svcalias -n '__svcalias_at add' -s n -l namespace -x -d 'TARGET\'s namespace'
complete -c svcalias -n '__svcalias_at add' -l domain -x -d 'The zone (default: the one svcalias init set up)'
complete -c svcalias -n '__svcalias_at add' -l force -d 'Re-point an alias that already points at another Service'
complete -c svcalias -n '__svcalias_at add' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at add' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at add' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at add' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at add' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at add' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at add' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at add' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at add' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at add' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at add' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at add' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at add' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias apply
complete -c svcalias -n '__svcalias_at apply' -s f -l filename -r -F -d 'Alias file (YAML or JSON, see docs/apply.md); - reads standard input'
complete -c svcalias -n '__svcalias_at apply' -l prune -d 'Delete aliases svcalias manages in the file\'s domains that the file does not list'
complete -c svcalias -n '__svcalias_at apply' -l parallel -x -d 'Writes in flight at once (default: 32)'
complete -c svcalias -n '__svcalias_at apply' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at apply' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at apply' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at apply' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at apply' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at apply' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at apply' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at apply' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at apply' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at apply' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at apply' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at apply' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at apply' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias diff
complete -c svcalias -n '__svcalias_at diff' -s f -l filename -r -F -d 'Alias file (YAML or JSON, see docs/apply.md); - reads standard input'
complete -c svcalias -n '__svcalias_at diff' -l prune -d 'Also show the deletes that \'apply --prune\' would make'
complete -c svcalias -n '__svcalias_at diff' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at diff' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at diff' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at diff' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at diff' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at diff' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at diff' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at diff' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at diff' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at diff' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at diff' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at diff' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias verify
complete -c svcalias -n '__svcalias_at verify' -l domain -x -d 'The zone (default: the one svcalias init set up)'
complete -c svcalias -n '__svcalias_at verify' -s f -l filename -r -F -d 'Check the cluster against an alias file (see apply): drift, then DNS; - reads stdin'
complete -c svcalias -n '__svcalias_at verify' -l nameserver -x -d 'Query this DNS server directly instead of from a pod (e.g'
complete -c svcalias -n '__svcalias_at verify' -l meshed -d 'istio mode: also resolve through the mesh\'s DNS proxy (what meshed pods with DNS capture, or ambient pods, see); needs --proxy-nameserver'
complete -c svcalias -n '__svcalias_at verify' -l proxy-nameserver -x -d 'The mesh DNS proxy to query for --meshed, e.g'
complete -c svcalias -n '__svcalias_at verify' -l image -x -d 'Image of the probe pod; it needs sh and nslookup (default: busybox:1.36)'
complete -c svcalias -n '__svcalias_at verify' -l probe-namespace -x -d 'Namespace for the probe pod (default: default)'
complete -c svcalias -n '__svcalias_at verify' -l wait -d 'Retry until every alias passes or --timeout runs out'
complete -c svcalias -n '__svcalias_at verify' -l timeout -x -d 'How long --wait keeps trying, e.g'
complete -c svcalias -n '__svcalias_at verify' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at verify' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at verify' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at verify' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at verify' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at verify' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at verify' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at verify' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at verify' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at verify' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at verify' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at verify' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias status
complete -c svcalias -n '__svcalias_at status' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at status' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at status' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at status' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at status' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at status' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at status' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at status' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at status' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at status' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at status' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at status' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias reset
complete -c svcalias -n '__svcalias_at reset' -l domain -x -d 'Only this zone (default: every svcalias zone)'
complete -c svcalias -n '__svcalias_at reset' -l aliases -d 'Also delete the aliases (ServiceEntries) svcalias created'
complete -c svcalias -n '__svcalias_at reset' -l restore-backup -d 'Write back the Corefiles saved before svcalias\'s first edit, verbatim, discarding later changes'
complete -c svcalias -n '__svcalias_at reset' -l dry-run -d 'Print the changes (unified diffs, ServiceEntry YAML) without writing'
complete -c svcalias -n '__svcalias_at reset' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c svcalias -n '__svcalias_at reset' -l context -x -d 'The kubeconfig context to use'
complete -c svcalias -n '__svcalias_at reset' -l kube-dns-configmap -x -d 'ConfigMap with kube-dns\'s Corefile (default: kube-system/coredns)'
complete -c svcalias -n '__svcalias_at reset' -l kube-dns-deployment -x -d 'kube-dns\'s CoreDNS Deployment, in the ConfigMap\'s namespace (default: coredns)'
complete -c svcalias -n '__svcalias_at reset' -l istio-namespace -x -d 'Namespace of istiocoredns (default: istio-system)'
complete -c svcalias -n '__svcalias_at reset' -l istio-configmap -x -d 'ConfigMap with istiocoredns\'s Corefile (default: coredns)'
complete -c svcalias -n '__svcalias_at reset' -l istiocoredns-service -x -d 'istiocoredns\'s Service and Deployment name (default: istiocoredns)'
complete -c svcalias -n '__svcalias_at reset' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at reset' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at reset' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at reset' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at reset' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias corefile
complete -c svcalias -n '__svcalias_at corefile' -a 'stub-domain' -d 'Add (or re-point) the kube-dns server block that forwards ZONE to istiocoredns'
complete -c svcalias -n '__svcalias_at corefile' -a 'istio' -d 'Add the istiocoredns server block that sends ZONE to the Istio plugin on 127.0.0.1:8053 (grpc from CoreDNS 1.5.0, proxy before)'
complete -c svcalias -n '__svcalias_at corefile' -a 'remove' -d 'Undo stub-domain or istio for ZONE, byte for byte'
complete -c svcalias -n '__svcalias_at corefile' -a 'check' -d 'Exit 0 when the Corefile parses; otherwise print \'FILE: line L, column C: problem\' and exit 2'
complete -c svcalias -n '__svcalias_at corefile' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at corefile' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at corefile' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at corefile' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias corefile stub-domain
complete -c svcalias -n '__svcalias_at corefile stub-domain' -l domain -x -d 'The zone, e.g'
complete -c svcalias -n '__svcalias_at corefile stub-domain' -l forward-to -x -d 'istiocoredns\'s ClusterIP'
complete -c svcalias -n '__svcalias_at corefile stub-domain' -s f -l file -r -F -d 'The Corefile (default: standard input)'
complete -c svcalias -n '__svcalias_at corefile stub-domain' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at corefile stub-domain' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at corefile stub-domain' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at corefile stub-domain' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias corefile istio
complete -c svcalias -n '__svcalias_at corefile istio' -l domain -x -d 'The zone, e.g'
complete -c svcalias -n '__svcalias_at corefile istio' -l coredns-version -x -d 'istiocoredns\'s CoreDNS version, e.g'
complete -c svcalias -n '__svcalias_at corefile istio' -s f -l file -r -F -d 'The Corefile (default: standard input)'
complete -c svcalias -n '__svcalias_at corefile istio' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at corefile istio' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at corefile istio' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at corefile istio' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias corefile remove
complete -c svcalias -n '__svcalias_at corefile remove' -l domain -x -d 'The zone, e.g'
complete -c svcalias -n '__svcalias_at corefile remove' -s f -l file -r -F -d 'The Corefile (default: standard input)'
complete -c svcalias -n '__svcalias_at corefile remove' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at corefile remove' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at corefile remove' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at corefile remove' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias corefile check
complete -c svcalias -n '__svcalias_at corefile check' -s f -l file -r -F -d 'The Corefile (default: standard input)'
complete -c svcalias -n '__svcalias_at corefile check' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at corefile check' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at corefile check' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at corefile check' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'

# svcalias version
complete -c svcalias -n '__svcalias_at version' -s o -l output -x -a 'table json yaml' -d 'Output format: table, json, yaml (default: table)'
complete -c svcalias -n '__svcalias_at version' -s h -l help -d 'Show this help message and exit'
complete -c svcalias -n '__svcalias_at version' -s V -l version -d 'Print version information and exit'
complete -c svcalias -n '__svcalias_at version' -s v -l verbose -d 'Print details and, on failure, the stack trace'
complete -c svcalias -n '__svcalias_at version' -l no-color -d 'No colour (also when NO_COLOR is set or stdout is not a terminal)'
