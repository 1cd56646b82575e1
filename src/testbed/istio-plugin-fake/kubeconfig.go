package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"sigs.k8s.io/yaml"
)

// kubeconfig is the part of a kubeconfig file the fake understands: client-certificate users (what the testbed
// writes). Tokens, exec plugins and proxies are not supported.
type kubeconfig struct {
	CurrentContext string `json:"current-context"`
	Contexts       []struct {
		Name    string `json:"name"`
		Context struct {
			Cluster string `json:"cluster"`
			User    string `json:"user"`
		} `json:"context"`
	} `json:"contexts"`
	Clusters []struct {
		Name    string `json:"name"`
		Cluster struct {
			Server                   string `json:"server"`
			CertificateAuthority     string `json:"certificate-authority"`
			CertificateAuthorityData string `json:"certificate-authority-data"`
		} `json:"cluster"`
	} `json:"clusters"`
	Users []struct {
		Name string `json:"name"`
		User struct {
			ClientCertificate     string `json:"client-certificate"`
			ClientCertificateData string `json:"client-certificate-data"`
			ClientKey             string `json:"client-key"`
			ClientKeyData         string `json:"client-key-data"`
		} `json:"user"`
	} `json:"users"`
}

// apiClient returns the API server URL and an HTTPS client for the kubeconfig's current context.
func apiClient(path string) (string, *http.Client, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", nil, err
	}
	var kc kubeconfig
	if err := yaml.Unmarshal(raw, &kc); err != nil {
		return "", nil, fmt.Errorf("%s: %w", path, err)
	}
	dir := filepath.Dir(path)
	var clusterName, userName string
	for _, c := range kc.Contexts {
		if c.Name == kc.CurrentContext {
			clusterName, userName = c.Context.Cluster, c.Context.User
		}
	}
	var server string
	var ca, cert, key []byte
	for _, c := range kc.Clusters {
		if c.Name == clusterName {
			server = c.Cluster.Server
			if ca, err = pem(dir, c.Cluster.CertificateAuthority, c.Cluster.CertificateAuthorityData); err != nil {
				return "", nil, err
			}
		}
	}
	for _, u := range kc.Users {
		if u.Name == userName {
			if cert, err = pem(dir, u.User.ClientCertificate, u.User.ClientCertificateData); err != nil {
				return "", nil, err
			}
			if key, err = pem(dir, u.User.ClientKey, u.User.ClientKeyData); err != nil {
				return "", nil, err
			}
		}
	}
	if server == "" || cert == nil || key == nil {
		return "", nil, fmt.Errorf("%s: current context %q needs a server and a client certificate and key", path, kc.CurrentContext)
	}
	// the testbed only ever talks to this machine: loopback, or the node's bridge in 198.18.0.0/15 (as a pod)
	if u, err := url.Parse(server); err != nil || !(loopback(u.Hostname()) || benchmarking(u.Hostname())) {
		return "", nil, fmt.Errorf("%s: server %q is neither a loopback address nor in 198.18.0.0/15", path, server)
	}
	pair, err := tls.X509KeyPair(cert, key)
	if err != nil {
		return "", nil, fmt.Errorf("client certificate: %w", err)
	}
	config := &tls.Config{Certificates: []tls.Certificate{pair}}
	if ca != nil {
		config.RootCAs = x509.NewCertPool()
		config.RootCAs.AppendCertsFromPEM(ca)
	}
	return server, &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: config}}, nil
}

// pem reads a kubeconfig credential given as a file (relative to the kubeconfig) or as base64 data.
func pem(dir, file, data string) ([]byte, error) {
	if data != "" {
		return base64.StdEncoding.DecodeString(data)
	}
	if file == "" {
		return nil, nil
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	return os.ReadFile(file)
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// benchmarking is RFC 2544's range 198.18.0.0/15, where the testbed's node puts its bridge, pods and Services and
// which never leaves the machine
func benchmarking(host string) bool {
	ip := net.ParseIP(host)
	_, bench, _ := net.ParseCIDR("198.18.0.0/15")
	return ip != nil && bench.Contains(ip)
}
