// istio-plugin-fake answers CoreDNS's gRPC DnsService the way istio-coredns-plugin did (Istio 1.1-1.8's
// istiocoredns sidecar), for svcalias's real-component tests: it lists ServiceEntries from the API server every
// second and answers A queries for their hosts with their plain IP addresses (CIDRs, even /32, are ignored;
// entries without an address or with resolution NONE give no record), TTL 3600, authoritative. Everything else,
// AAAA for a known name included, is NXDOMAIN. Host lookup is exact and case-sensitive. Wildcard hosts
// (*.foo.com) match names with more labels, as the plugin's suffix loop did.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
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

type serviceEntryList struct {
	Items []struct {
		Spec struct {
			Hosts      []string `json:"hosts"`
			Addresses  []string `json:"addresses"`
			Resolution string   `json:"resolution"`
		} `json:"spec"`
	} `json:"items"`
}

// poll lists ServiceEntries (every namespace) from the first served version and rebuilds the map.
func poll(client *http.Client, apiServer string, e *entries) error {
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
			if item.Spec.Resolution == "NONE" {
				continue
			}
			var ips []net.IP
			for _, a := range item.Spec.Addresses {
				if strings.Contains(a, "/") {
					continue // the plugin's inverted CIDR test drops every CIDR, /32 included
				}
				if ip := net.ParseIP(a); ip != nil {
					ips = append(ips, ip)
				}
			}
			if len(ips) == 0 {
				continue
			}
			for _, h := range item.Spec.Hosts {
				byHost[strings.TrimPrefix(h, "*")+"."] = ips
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
	apiServer := flag.String("server", "", "API server URL, e.g. https://127.0.0.1:6443")
	caFile := flag.String("ca", "", "API server CA certificate (PEM)")
	certFile := flag.String("cert", "", "client certificate (PEM)")
	keyFile := flag.String("key", "", "client key (PEM)")
	interval := flag.Duration("interval", time.Second, "how often to re-list ServiceEntries")
	flag.Parse()

	host, _, err := net.SplitHostPort(*listen)
	if err != nil || !net.ParseIP(host).IsLoopback() {
		log.Fatalf("-listen must be a loopback address, got %q", *listen)
	}
	cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		log.Fatalf("client certificate: %v", err)
	}
	ca, err := os.ReadFile(*caFile)
	if err != nil {
		log.Fatalf("CA: %v", err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{cert}},
	}}

	e := &entries{byHost: map[string][]net.IP{}}
	go func() {
		for {
			if err := poll(client, *apiServer, e); err != nil {
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
