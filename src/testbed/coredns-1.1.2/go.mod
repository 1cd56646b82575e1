module svcalias.dev/testbed/coredns-1.1.2

go 1.16

// caddy, miekg/dns and client_golang as CoreDNS 1.1.2's Makefile (godeps) checked them out; the rest at the
// tagged versions of its Gopkg.lock, or, where that lock names only a branch commit (which the module proxy
// does not resolve), at the 2019 versions CoreDNS 1.6.2's go.mod pins. grpc (lock: v1.10.0) and golang/protobuf
// (lock: v1.0.0) are what minimal version selection makes of those 2019 pins; go-jmespath (lock: a bare commit)
// is its 2018-02 pseudo-version.
require (
	github.com/aws/aws-sdk-go v1.13.4
	github.com/beorn7/perks v1.0.0
	github.com/coredns/coredns v1.1.2
	github.com/dnstap/golang-dnstap v0.0.0-20170829151710-2cf77a2b5e11
	github.com/farsightsec/golang-framestream v0.0.0-20181102145529-8a0cb8ba8710
	github.com/flynn/go-shlex v0.0.0-20150515145356-3f9db97f8568
	github.com/go-ini/ini v1.32.0
	github.com/golang/protobuf v1.3.1
	github.com/google/uuid v1.0.0
	github.com/grpc-ecosystem/grpc-opentracing v0.0.0-20180507213350-8e809c8a8645
	github.com/jmespath/go-jmespath v0.0.0-20180206201540-c2b33e8439af
	github.com/matttproud/golang_protobuf_extensions v1.0.1
	github.com/mholt/caddy v0.10.11
	github.com/miekg/dns v1.0.5
	github.com/opentracing/opentracing-go v1.0.2
	github.com/prometheus/client_golang v0.9.1
	github.com/prometheus/client_model v0.0.0-20190129233127-fd36f4220a90
	github.com/prometheus/common v0.2.0
	github.com/prometheus/procfs v0.0.2
	golang.org/x/crypto v0.0.0-20190701094942-4def268fd1a4
	golang.org/x/net v0.0.0-20190628185345-da137c7871d7
	golang.org/x/sys v0.0.0-20190801041406-cbf593c0f2f3
	golang.org/x/text v0.3.0
	google.golang.org/genproto v0.0.0-20190701230453-710ae3a149df
	google.golang.org/grpc v1.19.0
)

// prometheus/common v0.2.0 (the oldest tag) asks for client_golang v0.9.1, whose NewProcessCollector
// CoreDNS 1.1.2 cannot call; keep the v0.8.0 its Makefile used
replace github.com/prometheus/client_golang => github.com/prometheus/client_golang v0.8.0
