// CoreDNS v1.1.2, the istiocoredns of Istio 1.1-1.3 (proxy form), for svcalias's testbed.
//
// CoreDNS 1.1.2 predates Go modules (it used dep, and its Makefile checked out caddy v0.10.11 and miekg/dns
// v1.0.5 by hand). go.mod next to this file pins those and the tagged versions of its Gopkg.lock. This is
// CoreDNS 1.1.2's own core/plugin/zplugin.go without four plugins whose dependencies the module proxy does not
// serve: kubernetes and federation (Gopkg.lock pins k8s.io/api and k8s.io/apimachinery to bare commits), etcd
// (ugorji/go at a bare commit), trace (apache/thrift v0.11.0). istiocoredns's Corefile needs none of them. The
// plugins are 1.1.2's own code, unchanged, and their order is CoreDNS's (core/dnsserver/zdirectives.go), so a
// Corefile behaves as in a full 1.1.2 build unless it uses one of the four ("Unknown directive").
package main

import (
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/core/dnsserver"
	_ "github.com/coredns/coredns/plugin/auto"
	_ "github.com/coredns/coredns/plugin/autopath"
	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/chaos"
	_ "github.com/coredns/coredns/plugin/debug"
	_ "github.com/coredns/coredns/plugin/dnssec"
	_ "github.com/coredns/coredns/plugin/dnstap"
	_ "github.com/coredns/coredns/plugin/erratic"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/file"
	_ "github.com/coredns/coredns/plugin/forward"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/hosts"
	_ "github.com/coredns/coredns/plugin/loadbalance"
	_ "github.com/coredns/coredns/plugin/log"
	_ "github.com/coredns/coredns/plugin/metrics"
	_ "github.com/coredns/coredns/plugin/nsid"
	_ "github.com/coredns/coredns/plugin/pprof"
	_ "github.com/coredns/coredns/plugin/proxy"
	_ "github.com/coredns/coredns/plugin/reload"
	_ "github.com/coredns/coredns/plugin/reverse"
	_ "github.com/coredns/coredns/plugin/rewrite"
	_ "github.com/coredns/coredns/plugin/root"
	_ "github.com/coredns/coredns/plugin/route53"
	_ "github.com/coredns/coredns/plugin/secondary"
	_ "github.com/coredns/coredns/plugin/template"
	_ "github.com/coredns/coredns/plugin/tls"
	_ "github.com/coredns/coredns/plugin/whoami"
)

func main() { coremain.Run() }
