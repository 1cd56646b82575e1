// istio-dns-proxy is the testbed's meshed client: Istio's own DNS proxy (istio.io/istio/pkg/dns/client, the
// LocalDNSServer that pilot-agent runs when ISTIO_META_DNS_CAPTURE=true) fed with the NameTable that istiod
// pushes over xDS, read by Istio's own ADS client (istio.io/istio/pkg/adsc). It connects to istiod's plaintext
// gRPC port as a sidecar with DNS capture on, answers DNS on a loopback UDP and TCP port, and serves what istiod
// sent (name table, routes, listeners, clusters) as JSON on a loopback HTTP port for the tests.
//
// Only wiring lives here; answering, looking up, CNAME expansion and forwarding are Istio's code.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"reflect"
	"time"
	"unsafe"

	discovery "github.com/envoyproxy/go-control-plane/envoy/service/discovery/v3"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"

	"istio.io/istio/pkg/adsc"
	dnsclient "istio.io/istio/pkg/dns/client"
	dnsproto "istio.io/istio/pkg/dns/proto"
	"istio.io/istio/pkg/model"
)

func main() {
	xds := flag.String("xds", "", "istiod's plaintext xDS address (its --grpcAddr), host:port")
	dnsAddr := flag.String("dns", "127.0.0.1:15053", "where the DNS proxy answers (UDP and TCP)")
	httpAddr := flag.String("http", "127.0.0.1:15020", "where /nametable, /routes, /listeners, /clusters and /ready are served")
	upstream := flag.String("upstream", "", "the pod's nameserver (kube-dns), host:port: where names not in the table go")
	namespace := flag.String("namespace", "default", "the proxy's namespace")
	workload := flag.String("workload", "probe", "the proxy's workload (pod) name")
	ip := flag.String("ip", "127.0.0.1", "the proxy's IP, as in its node id")
	cluster := flag.String("cluster", "Kubernetes", "istiod's cluster id (CLUSTER_ID)")
	domain := flag.String("domain", "cluster.local", "the cluster domain")
	autoAllocate := flag.Bool("dns-auto-allocate", false,
		"ask istiod for auto-allocated ServiceEntry addresses, as ISTIO_META_DNS_AUTO_ALLOCATE=true does (Istio 1.9-1.22's switch)")
	flag.Parse()
	if *xds == "" || *upstream == "" {
		log.Fatal("-xds and -upstream are required")
	}

	podDomain := *namespace + ".svc." + *domain
	// as pilot-agent: namespace, proxy domain (<ns>.svc.<domain>), listen address
	server, err := dnsclient.NewLocalDNSServer(*namespace, podDomain, *dnsAddr)
	if err != nil {
		log.Fatalf("dns proxy: %v", err)
	}
	// what a pod's /etc/resolv.conf would give it
	if err := setResolvConf(server, []string{*upstream},
		[]string{podDomain, "svc." + *domain, *domain}); err != nil {
		log.Fatal(err)
	}
	server.StartDNS()

	fields := map[string]any{
		"DNS_CAPTURE":  "true", // ISTIO_META_DNS_CAPTURE=true
		"NAMESPACE":    *namespace,
		"CLUSTER_ID":   *cluster,
		"NAME":         *workload,
		"INSTANCE_IPS": *ip,
	}
	if *autoAllocate {
		fields["DNS_AUTO_ALLOCATE"] = "true" // ISTIO_META_DNS_AUTO_ALLOCATE=true
	}
	meta, err := structpb.NewStruct(fields)
	if err != nil {
		log.Fatal(err)
	}
	handler := &nameTableHandler{server: server}
	client, err := adsc.New(*xds, &adsc.ADSConfig{
		Config: adsc.Config{
			Namespace: *namespace,
			Workload:  *workload,
			IP:        *ip,
			Meta:      meta,
		},
		// as Envoy and pilot-agent ask: clusters and listeners (routes follow the listeners), then the name table
		InitialDiscoveryRequests: []*discovery.DiscoveryRequest{
			{TypeUrl: model.ClusterType},
			{TypeUrl: model.ListenerType},
			{TypeUrl: model.NameTableType},
		},
		ResponseHandler: handler,
	})
	if err != nil {
		log.Fatalf("xds: %v", err)
	}
	if err := client.Run(); err != nil {
		log.Fatalf("xds: %v", err)
	}
	log.Printf("dns proxy on %s (udp, tcp), upstream %s, xds %s as %s.%s", *dnsAddr, *upstream, *xds, *workload, *namespace)
	serveDebug(*httpAddr, server, client)
}

// nameTableHandler does what pilot-agent's xDS proxy does with a NameTable response (pkg/istio-agent/xds_proxy.go).
type nameTableHandler struct {
	server *dnsclient.LocalDNSServer
}

func (h *nameTableHandler) HandleResponse(_ *adsc.ADSC, resp *discovery.DiscoveryResponse) {
	if resp.TypeUrl != model.NameTableType || len(resp.Resources) == 0 {
		return
	}
	var nt dnsproto.NameTable
	if err := resp.Resources[0].UnmarshalTo(&nt); err != nil {
		log.Printf("name table: %v", err)
		return
	}
	h.server.UpdateLookupTable(&nt)
	log.Printf("name table: %d hosts (version %s)", len(nt.Table), resp.VersionInfo)
}

// setResolvConf sets the upstream servers and search domains that NewLocalDNSServer reads from /etc/resolv.conf
// (nameservers always at port 53). A test process can neither rewrite that file nor listen on port 53, so the two
// unexported fields it fills are set here, before the server starts; nothing else in it is touched.
func setResolvConf(server *dnsclient.LocalDNSServer, servers, search []string) error {
	v := reflect.ValueOf(server).Elem()
	for name, value := range map[string][]string{"resolvConfServers": servers, "searchNamespaces": search} {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Type() != reflect.TypeOf(value) {
			return fmt.Errorf("istio's LocalDNSServer has no []string field %s any more: update setResolvConf", name)
		}
		reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Set(reflect.ValueOf(value))
	}
	return nil
}

func serveDebug(addr string, server *dnsclient.LocalDNSServer, client *adsc.ADSC) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ready", func(w http.ResponseWriter, _ *http.Request) {
		if !server.IsReady() {
			http.Error(w, "no name table from istiod yet", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/nametable", func(w http.ResponseWriter, _ *http.Request) {
		writeProto(w, server.NameTable())
	})
	mux.HandleFunc("/routes", func(w http.ResponseWriter, _ *http.Request) {
		writeProtos(w, client.GetRoutes())
	})
	// the ADS client hands out its own maps: each answer merges copies, never them
	mux.HandleFunc("/clusters", func(w http.ResponseWriter, _ *http.Request) {
		writeProtos(w, merged(client.GetClusters(), client.GetEdsClusters()))
	})
	mux.HandleFunc("/listeners", func(w http.ResponseWriter, _ *http.Request) {
		writeProtos(w, merged(client.GetHTTPListeners(), client.GetTCPListeners()))
	})
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatalf("http: %v", err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.Serve(listener))
}

// merged is a new map holding the entries of both (b's win on a shared key).
func merged[T any](a, b map[string]T) map[string]T {
	out := make(map[string]T, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func writeProto(w http.ResponseWriter, m proto.Message) {
	if m == nil || reflect.ValueOf(m).IsNil() {
		http.Error(w, "nothing received yet", http.StatusServiceUnavailable)
		return
	}
	b, err := protojson.Marshal(m)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}

// writeProtos writes a JSON object: name -> the resource as protojson.
func writeProtos[M proto.Message](w http.ResponseWriter, byName map[string]M) {
	out := map[string]json.RawMessage{}
	for name, m := range byName {
		b, err := protojson.Marshal(m)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out[name] = b
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}
