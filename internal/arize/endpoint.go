package arize

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// DefaultEndpoint is Arize's public API host.
const DefaultEndpoint = "https://api.arize.com"

// ParseEndpoint checks an API base URL. It must be absolute https, or plain
// http on a loopback host only: the bearer key would otherwise cross a
// network in clear text.
func ParseEndpoint(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url's error repeats the text, which may hold credentials.
		return nil, errors.New("endpoint is not a URL")
	}
	if u.User != nil {
		// Name the endpoint without the password it carries.
		return nil, fmt.Errorf("endpoint %q must not carry credentials: the API key goes in api_key", u.Redacted())
	}
	if u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("endpoint %q must be an absolute https:// URL", raw)
	}
	if u.Scheme == "http" && !IsLoopback(u.Hostname()) {
		return nil, fmt.Errorf("endpoint %q uses plain http on a host that is not loopback; use https", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("endpoint %q must not carry a query or a fragment", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

// IsLoopback reports whether host is localhost or a loopback address.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
