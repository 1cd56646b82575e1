package dev.svcalias.aliasfile;

import dev.svcalias.error.SvcaliasException;
import dev.svcalias.naming.DomainRules;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an alias file (YAML or JSON, docs/apply.md, docs/aliases.schema.json) and validates all of it before any
 * API call: the first problem is one usage error naming FILE:LINE. It walks snakeyaml's node tree, not plain
 * maps, so every error can point at its line.
 */
public final class AliasFileParser {
    static final Set<String> TOP_KEYS = Set.of("domain", "aliases");
    static final Set<String> ITEM_KEYS = Set.of("name", "alias", "target", "domain", "ports");
    /** Columns of {@code alias list -o yaml}, accepted and ignored so that its output can be applied again. */
    static final Set<String> LIST_OUTPUT_KEYS = Set.of("address", "namespace", "targetClusterIP", "inSync");
    static final Set<String> PORT_KEYS = Set.of("number", "name", "protocol");
    static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS", "GRPC", "HTTP2", "MONGO", "TCP", "TLS", "UDP");
    /** Zones are checked against the usual cluster domain here and against the cluster's own after connecting. */
    private static final String USUAL_CLUSTER_DOMAIN = "cluster.local";
    private static final String FIX = "see docs/apply.md for the file format";
    /**
     * snakeyaml refuses input over 3 MiB by default; 64 Mi code points holds ~350,000 aliases as alias list -o
     * yaml writes them (docs/apply.md).
     */
    static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

    private final String source;

    private AliasFileParser(String source) {
        this.source = source;
    }

    /**
     * Parses an alias file.
     *
     * @param source the file name for messages ("-" for stdin)
     */
    public static AliasFile parse(String source, String text) {
        return new AliasFileParser(source).parse(text);
    }

    private AliasFile parse(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(CODE_POINT_LIMIT);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw fail(line, "not valid YAML: " + e.getProblem(), "fix the YAML syntax");
        } catch (YAMLException e) {
            throw fail(0, "not valid YAML: " + e.getMessage(), "fix the YAML syntax");
        }
        if (root == null) {
            throw fail(0, "is empty", "list aliases under 'aliases:'; " + FIX);
        }
        Map<String, Node> top = mapping(root, "the file", TOP_KEYS, Set.of());
        String domain = top.containsKey("domain") ? zone(top.get("domain"), "domain") : null;
        Node list = top.get("aliases");
        if (list == null) {
            throw fail(line(root), "has no 'aliases:' list", "add aliases: [{name: NAME, target: SERVICE.NAMESPACE}]");
        }
        if (!(list instanceof SequenceNode seq)) {
            throw fail(line(list), "'aliases' must be a list", FIX);
        }
        List<AliasSpec> aliases = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            AliasSpec spec = item(seq.getValue().get(i), "aliases[" + i + "]", domain);
            String key = spec.knownHost() != null ? spec.knownHost() : spec.host();
            String before = seen.putIfAbsent(key, spec.where());
            if (before != null) {
                throw fail(line(seq.getValue().get(i)), "alias " + key + " is declared twice (first at " + before + ")",
                        "keep one of them");
            }
            aliases.add(spec);
        }
        return new AliasFile(source, domain, aliases);
    }

    private AliasSpec item(Node node, String path, String fileDomain) {
        Map<String, Node> fields = mapping(node, path, ITEM_KEYS, LIST_OUTPUT_KEYS);
        String domain = fields.containsKey("domain") ? zone(fields.get("domain"), path + ".domain") : fileDomain;
        String rawName = fields.containsKey("name") ? scalar(fields.get("name"), path + ".name") : null;
        String name = rawName;
        String host = fields.containsKey("alias") ? scalar(fields.get("alias"), path + ".alias") : null;
        if ((name == null) == (host == null)) {
            throw fail(line(node), path + " needs exactly one of 'name' (my-fruits) or 'alias' (my-fruits.internal)",
                    "add name: NAME; " + FIX);
        }
        if (name != null && domain == null) {
            throw fail(line(node), path + " has no domain", "add 'domain: ZONE' at the top of the file or to the item");
        }
        if (name != null) {
            Node at = fields.get("name");
            guard(at, () -> DomainRules.aliasHost(rawName, domain));
            name = name.endsWith("." + domain) ? name.substring(0, name.length() - domain.length() - 1) : name;
        } else {
            String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            guard(fields.get("alias"), () -> DomainRules.aliasHost(h, "x"));
            if (!h.contains(".")) {
                throw fail(line(fields.get("alias")), path + ".alias " + h + " is not a full alias host",
                        "write it as NAME.ZONE, or use name: " + h);
            }
            if (domain != null && !h.endsWith("." + domain)) {
                throw fail(line(fields.get("alias")), path + ".alias " + h + " is not in domain " + domain,
                        "fix the alias or the domain");
            }
            host = h;
        }
        Node targetNode = fields.get("target");
        if (targetNode == null) {
            throw fail(line(node), path + " has no target", "add target: SERVICE.NAMESPACE");
        }
        String[] target = target(targetNode, path + ".target");
        List<PortSpec> ports = fields.containsKey("ports") ? ports(fields.get("ports"), path + ".ports") : List.of();
        return new AliasSpec(name, host, domain, target[0], target[1], scalar(targetNode, path + ".target"), ports,
                source + ":" + line(node));
    }

    /**
     * "svc.ns" or "svc.ns.svc.CLUSTER_DOMAIN" -> {svc, ns}, each part a label; whether CLUSTER_DOMAIN is the
     * cluster's is checked once it is known, by the same TargetRef.parse that checks alias add's TARGET.
     */
    private String[] target(Node node, String path) {
        String t = scalar(node, path);
        String[] parts = (t.endsWith(".") ? t.substring(0, t.length() - 1) : t).split("\\.", -1);
        boolean ok = parts.length == 2 || (parts.length >= 4 && parts[2].equals("svc"));
        if (ok) {
            guard(node, () -> {
                dev.svcalias.naming.TargetRef.checkSyntax(t, null);
                return t;
            });
        }
        if (!ok || !validLabel(parts[0]) || !validLabel(parts[1])) {
            throw fail(line(node), path + " '" + t + "' is not SERVICE.NAMESPACE",
                    "e.g. target: fruits-api-service.micro-shake-factory");
        }
        return new String[] {parts[0], parts[1]};
    }

    private static boolean validLabel(String s) {
        return s.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    }

    private List<PortSpec> ports(Node node, String path) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw fail(line(node), path + " must be a non-empty list", "e.g. ports: [{number: 80, name: http}]");
        }
        List<PortSpec> ports = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Node> f = mapping(seq.getValue().get(i), at, PORT_KEYS, Set.of());
            Node num = f.get("number");
            if (num == null) {
                throw fail(line(seq.getValue().get(i)), at + " has no number", "add number: PORT");
            }
            int number;
            try {
                number = Integer.parseInt(scalar(num, at + ".number"));
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65535) {
                throw fail(line(num), at + ".number must be a port from 1 to 65535", "fix the port number");
            }
            String name = f.containsKey("name") ? scalar(f.get("name"), at + ".name") : null;
            if (name != null && !name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw fail(line(f.get("name")), at + ".name '" + name + "' is not a DNS label", "e.g. name: http");
            }
            String protocol = f.containsKey("protocol") ? scalar(f.get("protocol"), at + ".protocol") : null;
            if (protocol != null && !PROTOCOLS.contains(protocol)) {
                throw fail(line(f.get("protocol")), at + ".protocol '" + protocol + "' is not one of "
                        + String.join(", ", PROTOCOLS.stream().sorted().toList()), "use an upper-case Istio protocol");
            }
            for (PortSpec p : ports) {
                if (p.number() == number || (name != null && name.equals(p.name()))) {
                    throw fail(line(seq.getValue().get(i)), at + (p.number() == number ? " repeats port number "
                            + number : " repeats port name " + name) + " of an earlier port",
                            "give each port its own number and name");
                }
            }
            ports.add(new PortSpec(number, name, protocol));
        }
        return ports;
    }

    private String zone(Node node, String path) {
        String z = scalar(node, path);
        try {
            return DomainRules.validateZone(z, USUAL_CLUSTER_DOMAIN);
        } catch (SvcaliasException e) { // the rules speak of the flag; here it is the file's key
            throw fail(line(node), e.getMessage().replaceFirst("^--domain", "'" + path + ":'"),
                    e.hint().replace("--domain ", path + ": "));
        }
    }

    private Map<String, Node> mapping(Node node, String path, Set<String> keys, Set<String> ignored) {
        if (!(node instanceof MappingNode m)) {
            throw fail(line(node), path + " must be a mapping (key: value)", FIX);
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            // snakeyaml's allowDuplicateKeys applies to load(), not to the node tree compose() gives: checked here
            Integer first = seen.putIfAbsent(key, line(t.getKeyNode()));
            if (first != null) {
                throw fail(line(t.getKeyNode()), path + " has the key '" + key + "' twice (first at line " + first
                        + "); YAML keeps only one of them", "keep one '" + key + ":'");
            }
            if (ignored.contains(key)) {
                continue;
            }
            if (!keys.contains(key)) {
                throw fail(line(t.getKeyNode()), path + " has an unknown key '" + key + "' (allowed: "
                        + String.join(", ", keys.stream().sorted().toList()) + ")", FIX);
            }
            fields.put(key, t.getValueNode());
        }
        return fields;
    }

    private String scalar(Node node, String path) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw fail(line(node), path + " must be a non-empty string", FIX);
        }
        return s.getValue().trim();
    }

    /** Runs a DomainRules check and re-throws its error with this file's line in front. */
    private <T> T guard(Node node, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (SvcaliasException e) {
            throw fail(line(node), e.getMessage(), e.hint());
        }
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private SvcaliasException fail(int line, String what, String hint) {
        return SvcaliasException.usage(source + (line > 0 ? ":" + line : "") + ": " + what, hint);
    }
}
