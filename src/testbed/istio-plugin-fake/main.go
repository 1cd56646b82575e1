// istio-plugin-fake answers CoreDNS's gRPC DnsService (coredns.dns.DnsService/Query) the way
// istio-coredns-plugin did (the sidecar of Istio 1.1-1.8's istiocoredns), for svcalias's real-component tests.
// What the plugin did (docs/testbed.md has the sources), reproduced here:
//   - it lists ServiceEntries in all namespaces (the plugin: an informer plus a rebuild every 5 s; here: a list
//     every -interval, 1 s) and ignores exportTo;
//   - entries it could not convert (fields unknown to early-2019 istio.io/api), invalid ones by its old
//     validation (short or "*" hosts, IPv6 addresses) and resolution NONE are skipped, with a log line;
//   - A queries for a host (exact, case-sensitive; "*.foo.com" matches names with more labels under foo.com)
//     get one record per plain IP address of the entry, TTL 3600, authoritative; CIDRs, even /32, give none;
//   - everything else, AAAA for a known name included, is NXDOMAIN (no SOA).
//
// Differences: plain HTTPS with the client certificate of a kubeconfig (-kubeconfig) instead of client-go, listening on loopback only, and the
// first served API version instead of v1alpha3 only.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coredns/coredns/pb"
	"github.com/miekg/dns"
	"google.golang.org/grpc"
)

type entries struct {
	sync.RWMutex
	byHost map[string][]net.IP // key: host + "."
}

type server struct {
	pb.UnimplementedDnsServiceServer
	entries *entries
}

func (s *server) Query(ctx context.Context, in *pb.DnsPacket) (*pb.DnsPacket, error) {
	req := new(dns.Msg)
	if err := req.Unpack(in.Msg); err != nil {
		return nil, fmt.Errorf("unpack: %w", err)
	}
	resp := new(dns.Msg)
	resp.SetReply(req)
	resp.Authoritative = true
	for _, q := range req.Question {
		resp.Answer = nil // like the plugin: only the last question's answer survives
		if q.Qtype != dns.TypeA {
			continue
		}
		for _, ip := range s.entries.lookup(q.Name) {
			resp.Answer = append(resp.Answer, &dns.A{
				Hdr: dns.RR_Header{Name: q.Name, Rrtype: dns.TypeA, Class: dns.ClassINET, Ttl: 3600},
				A:   ip,
			})
		}
	}
	if len(resp.Answer) == 0 {
		resp.Rcode = dns.RcodeNameError
	}
	out, err := resp.Pack()
	if err != nil {
		return nil, err
	}
	return &pb.DnsPacket{Msg: out}, nil
}

func (e *entries) lookup(name string) []net.IP {
	e.RLock()
	defer e.RUnlock()
	if ips, ok := e.byHost[name]; ok {
		return ips
	}
	pieces := strings.Split(name, ".")
	for ; len(pieces) > 2; pieces = pieces[1:] {
		if ips, ok := e.byHost["."+strings.Join(pieces[1:], ".")]; ok {
			return ips
		}
	}
	return nil
}

type serviceEntry struct {
	Metadata struct {
		Namespace string `json:"namespace"`
		Name      string `json:"name"`
	} `json:"metadata"`
	Spec map[string]json.RawMessage `json:"spec"`
}

type serviceEntryList struct {
	Items []serviceEntry `json:"items"`
}

// The ServiceEntry fields the plugin's vendored istio.io/api (early 2019) knows. It converted each spec with
// jsonpb in strict mode, so an entry carrying any other field (targetPort, workloadSelector, ...) failed to
// convert and was left out; so is it here.
var knownFields = map[string]map[string]bool{
	"spec":      set("hosts", "addresses", "ports", "location", "resolution", "endpoints", "exportTo", "subjectAltNames"),
	"ports":     set("number", "protocol", "name"),
	"endpoints": set("address", "ports", "labels", "network", "locality", "weight"),
}

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// convert applies the plugin's rules to one entry: its hosts and the plain IP addresses they resolve to, or why
// the plugin would have skipped it.
func convert(spec map[string]json.RawMessage) (hosts []string, ips []net.IP, skip string) {
	for field, raw := range spec {
		if !knownFields["spec"][field] {
			return nil, nil, "unknown field " + field
		}
		if field == "ports" || field == "endpoints" {
			var items []map[string]json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, nil, field + ": " + err.Error()
			}
			for _, item := range items {
				for sub := range item {
					if !knownFields[field][sub] {
						return nil, nil, "unknown field " + field + "." + sub
					}
				}
			}
		}
	}
	var addresses []string
	var resolution string
	json.Unmarshal(spec["hosts"], &hosts)
	json.Unmarshal(spec["addresses"], &addresses)
	json.Unmarshal(spec["resolution"], &resolution)
	// the vendored ValidateServiceEntry: FQDN hosts only, IPv4 addresses or IPv4 CIDRs only
	for _, h := range hosts {
		if h == "*" || !strings.Contains(h, ".") {
			return nil, nil, "invalid host " + h + " (full wildcard or short name)"
		}
	}
	for _, a := range addresses {
		ip, _, err := net.ParseCIDR(a)
		if err != nil {
			ip = net.ParseIP(a)
		}
		if ip == nil || ip.To4() == nil {
			return nil, nil, "invalid address " + a + " (IPv4 or IPv4 CIDR only)"
		}
	}
	if resolution == "NONE" || resolution == "" {
		// "NONE implies that Istio should use the IP provided by the caller"
		return nil, nil, "resolution NONE"
	}
	for _, a := range addresses {
		if strings.Contains(a, "/") {
			continue // the plugin's inverted CIDR test drops every CIDR, /32 included
		}
		ips = append(ips, net.ParseIP(a))
	}
	if len(ips) == 0 {
		return nil, nil, "no plain IP address"
	}
	return hosts, ips, ""
}

// poll lists ServiceEntries in every namespace and rebuilds the map. The plugin read only v1alpha3 (served by
// every Istio that shipped istiocoredns); the fake takes the first version the API server serves.
func poll(client *http.Client, apiServer string, e *entries, skipped map[string]string) error {
	var lastErr error
	for _, version := range []string{"v1alpha3", "v1beta1", "v1"} {
		resp, err := client.Get(apiServer + "/apis/networking.istio.io/" + version + "/serviceentries")
		if err != nil {
			return err
		}
		var list serviceEntryList
		err = json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
		if resp.StatusCode == http.StatusNotFound {
			lastErr = fmt.Errorf("%s not served", version)
			continue
		}
		if resp.StatusCode != http.StatusOK || err != nil {
			return fmt.Errorf("list %s: HTTP %d %v", version, resp.StatusCode, err)
		}
		byHost := map[string][]net.IP{}
		for _, item := range list.Items {
			id := item.Metadata.Namespace + "/" + item.Metadata.Name
			hosts, ips, skip := convert(item.Spec)
			if skip != "" {
				if skipped[id] != skip { // log once per reason, like an informer event
					log.Printf("Ignoring service entry %s: %s", id, skip)
				}
				skipped[id] = skip
				continue
			}
			delete(skipped, id)
			for _, h := range hosts {
				byHost[strings.TrimPrefix(h, "*")+"."] = ips // duplicate hosts: the last entry listed wins
			}
		}
		e.Lock()
		e.byHost = byHost
		e.Unlock()
		return nil
	}
	return lastErr
}

func main() {
	listen := flag.String("listen", "127.0.0.1:8053", "gRPC listen address (loopback only)")
	kubeconfigPath := flag.String("kubeconfig", "", "kubeconfig with a client-certificate user (current context)")
	interval := flag.Duration("interval", time.Second, "how often to re-list ServiceEntries")
	flag.Parse()

	host, _, err := net.SplitHostPort(*listen)
	if err != nil || !net.ParseIP(host).IsLoopback() {
		log.Fatalf("-listen must be a loopback address, got %q", *listen)
	}
	apiServer, client, err := apiClient(*kubeconfigPath)
	if err != nil {
		log.Fatalf("-kubeconfig: %v", err)
	}

	e := &entries{byHost: map[string][]net.IP{}}
	go func() {
		skipped := map[string]string{}
		for {
			if err := poll(client, apiServer, e, skipped); err != nil {
				log.Printf("listing ServiceEntries: %v", err)
			}
			time.Sleep(*interval)
		}
	}()

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	s := grpc.NewServer()
	pb.RegisterDnsServiceServer(s, &server{entries: e})
	log.Printf("istio-plugin-fake serving DnsService on %s", *listen)
	if err := s.Serve(lis); err != nil {
		log.Fatal(err)
	}
}
