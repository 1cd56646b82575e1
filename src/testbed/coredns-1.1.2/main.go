// CoreDNS v1.1.2, the istiocoredns of Istio 1.1-1.3 (proxy form), for svcalias's testbed.
//
// CoreDNS 1.1.2 predates Go modules (it used dep, and its Makefile checked out caddy v0.10.11 and miekg/dns
// v1.0.5 by hand). go.mod next to this file pins those and the tagged versions of its Gopkg.lock. The
// kubernetes, etcd, route53, federation, autopath, trace and dnstap-output plugins are left out: their Gopkg.lock
// pins are bare commits (k8s.io/api, k8s.io/apimachinery) that the module proxy does not resolve, and
// istiocoredns's Corefile needs none of them. The plugins below are CoreDNS 1.1.2's own code, unchanged; the
// plugin order is CoreDNS's (core/dnsserver/zdirectives.go), so a Corefile behaves as in a full 1.1.2 build as
// long as it only uses these plugins (anything else fails with "Unknown directive").
package main

import (
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/core/dnsserver"
	_ "github.com/coredns/coredns/plugin/bind"
	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/chaos"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/forward"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/hosts"
	_ "github.com/coredns/coredns/plugin/loadbalance"
	_ "github.com/coredns/coredns/plugin/log"
	_ "github.com/coredns/coredns/plugin/metrics"
	_ "github.com/coredns/coredns/plugin/proxy"
	_ "github.com/coredns/coredns/plugin/reload"
	_ "github.com/coredns/coredns/plugin/rewrite"
	_ "github.com/coredns/coredns/plugin/root"
	_ "github.com/coredns/coredns/plugin/template"
	_ "github.com/coredns/coredns/plugin/whoami"
)

func main() { coremain.Run() }
