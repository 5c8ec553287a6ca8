package emulator

import (
	"maps"
	"slices"
	"strconv"
	"time"
)

// Integration is the stored form of an AI integration, including the api_key
// that the API never returns. The zero value of an optional field means
// "unset": "" for BaseURL and APIKey, nil for ModelNames, nil or empty for
// Headers and Scopings. An empty ModelNames slice that is not nil is a set,
// empty list and reads back as [].
//
// Provider and AuthType are stored in today's spelling ("OPEN_AI",
// "DEFAULT"; see [Dialect]) whatever the server's dialect.
type Integration struct {
	ID                     string
	Name                   string
	Provider               string
	APIKey                 string
	BaseURL                string
	ModelNames             []string
	EnableDefaultModels    bool
	FunctionCallingEnabled bool
	AuthType               string
	Headers                map[string]string
	ProviderMetadata       *ProviderMetadata
	// Scopings is nil for an account-wide integration.
	Scopings        []Scoping
	CreatedAt       time.Time
	UpdatedAt       time.Time
	CreatedByUserID string
}

// ProviderMetadata is the AWS (Kind "AWS": RoleARN, optional ExternalID) or
// GCP (Kind "GCP": ProjectID, Location, ProjectAccessLabel) configuration.
// A stored one always has its Kind, even on a server of the published
// dialect, which infers it from the members and does not render it.
// ExternalID is a pointer because an explicit "" must read back as "".
type ProviderMetadata struct {
	Kind               string
	RoleARN            string
	ExternalID         *string
	ProjectID          string
	Location           string
	ProjectAccessLabel string
}

// Scoping is one visibility rule; "" stands for JSON null. OrganizationID ""
// is account-wide and SpaceID "" is the whole organization.
type Scoping struct {
	OrganizationID string
	SpaceID        string
}

// HasAPIKey reports what the API calls has_api_key.
func (in Integration) HasAPIKey() bool { return in.APIKey != "" }

// clone returns a deep copy, so callers outside the lock never share slices,
// maps or pointers with the store.
func (in Integration) clone() Integration {
	out := in
	out.ModelNames = cloneStrings(in.ModelNames)
	out.Headers = cloneHeaders(in.Headers)
	out.Scopings = slices.Clone(in.Scopings)
	if in.ProviderMetadata != nil {
		m := *in.ProviderMetadata
		m.ExternalID = cloneStringPtr(m.ExternalID)
		out.ProviderMetadata = &m
	}
	return out
}

// normalize folds the equivalent spellings of "unset" into one, so equality
// and rendering need not care how a value was written.
func (in *Integration) normalize() {
	if len(in.Headers) == 0 {
		in.Headers = nil
	}
	if isAccountWide(in.Scopings) {
		in.Scopings = nil
	}
}

// isAccountWide reports whether scopings say "the whole account": none at
// all, or only entries without an organization and a space.
func isAccountWide(scopings []Scoping) bool {
	for _, sc := range scopings {
		if sc.OrganizationID != "" || sc.SpaceID != "" {
			return false
		}
	}
	return true
}

// cloneStrings keeps nil as nil and an empty list as an empty list.
func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append(make([]string, 0, len(s)), s...)
}

func cloneHeaders(h map[string]string) map[string]string {
	if len(h) == 0 {
		return nil
	}
	return maps.Clone(h)
}

func cloneStringPtr(p *string) *string {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func itoa(n int) string { return strconv.Itoa(n) }
