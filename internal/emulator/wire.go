package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"
)

// The types in this file are the emulator's own reading of the JSON that
// Arize sends, written from CONTRACT.md. They are deliberately not shared with
// the client package: if the client's tags drift from the contract, the
// tests against this server fail instead of agreeing with the mistake.

// timeLayout is RFC 3339 with milliseconds in UTC, as Arize formats
// created_at and updated_at.
const timeLayout = "2006-01-02T15:04:05.000Z"

// integrationJSON is the AI integration object of every success response.
// Pointer and omitempty choices follow the published nullability: base_url
// and model_names are sent as null when unset, headers and provider_metadata
// are left out.
type integrationJSON struct {
	ID                     string                `json:"id"`
	Name                   string                `json:"name"`
	Provider               string                `json:"provider"`
	HasAPIKey              bool                  `json:"has_api_key"`
	ModelNames             []string              `json:"model_names"`
	EnableDefaultModels    bool                  `json:"enable_default_models"`
	FunctionCallingEnabled bool                  `json:"function_calling_enabled"`
	AuthType               string                `json:"auth_type"`
	Scopings               []scopingJSON         `json:"scopings"`
	CreatedAt              string                `json:"created_at"`
	UpdatedAt              string                `json:"updated_at"`
	CreatedByUserID        string                `json:"created_by_user_id"`
	BaseURL                *string               `json:"base_url"`
	Headers                map[string]string     `json:"headers,omitempty"`
	ProviderMetadata       *providerMetadataJSON `json:"provider_metadata,omitempty"`
}

// scopingJSON is one visibility rule. Arize answers an account-wide
// integration with either [{}] or [{"organization_id":null,"space_id":null}],
// so the empty form is a distinct case rather than two nil pointers.
type scopingJSON struct {
	empty          bool
	OrganizationID *string
	SpaceID        *string
}

// MarshalJSON writes {} for the empty form and both members, null included,
// otherwise.
func (s scopingJSON) MarshalJSON() ([]byte, error) {
	if s.empty {
		return []byte("{}"), nil
	}
	return json.Marshal(struct {
		OrganizationID *string `json:"organization_id"`
		SpaceID        *string `json:"space_id"`
	}{s.OrganizationID, s.SpaceID})
}

// providerMetadataJSON carries either the AWS or the GCP members, with kind
// today and without it in the published dialect.
type providerMetadataJSON struct {
	Kind               string  `json:"kind,omitempty"`
	RoleARN            string  `json:"role_arn,omitempty"`
	ExternalID         *string `json:"external_id,omitempty"`
	ProjectID          string  `json:"project_id,omitempty"`
	Location           string  `json:"location,omitempty"`
	ProjectAccessLabel string  `json:"project_access_label,omitempty"`
}

// listJSON is the body of GET /v2/ai-integrations.
type listJSON struct {
	AIIntegrations []integrationJSON `json:"ai_integrations"`
	Pagination     paginationJSON    `json:"pagination"`
}

// paginationJSON carries next_cursor only while there is more to read.
type paginationJSON struct {
	HasMore    bool   `json:"has_more"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// toJSON renders a stored integration as the API shows it, in the server's
// dialect. The api_key is reduced to has_api_key here and nowhere else.
func (s *Server) toJSON(in Integration) integrationJSON {
	d := s.opts.Dialect
	out := integrationJSON{
		ID:                     in.ID,
		Name:                   in.Name,
		Provider:               d.spell(in.Provider),
		HasAPIKey:              in.HasAPIKey(),
		ModelNames:             cloneStrings(in.ModelNames),
		EnableDefaultModels:    in.EnableDefaultModels,
		FunctionCallingEnabled: in.FunctionCallingEnabled,
		AuthType:               d.spell(in.AuthType),
		CreatedAt:              formatTime(in.CreatedAt),
		UpdatedAt:              formatTime(in.UpdatedAt),
		CreatedByUserID:        in.CreatedByUserID,
		Headers:                cloneHeaders(in.Headers),
	}
	if in.BaseURL != "" {
		u := in.BaseURL
		out.BaseURL = &u
	}
	if m := in.ProviderMetadata; m != nil {
		out.ProviderMetadata = &providerMetadataJSON{
			Kind:               d.renderKind(m.Kind),
			RoleARN:            m.RoleARN,
			ExternalID:         cloneStringPtr(m.ExternalID),
			ProjectID:          m.ProjectID,
			Location:           m.Location,
			ProjectAccessLabel: m.ProjectAccessLabel,
		}
	}
	if len(in.Scopings) == 0 {
		out.Scopings = []scopingJSON{{empty: !s.opts.ExplicitNullScopings}}
	} else {
		out.Scopings = make([]scopingJSON, len(in.Scopings))
		for i, sc := range in.Scopings {
			out.Scopings[i] = scopingJSON{OrganizationID: nullable(sc.OrganizationID), SpaceID: nullable(sc.SpaceID)}
		}
	}
	return out
}

// formatTime renders t as Arize does: UTC with milliseconds.
func formatTime(t time.Time) string {
	return t.UTC().Format(timeLayout)
}

// nullable maps the store's "" (meaning JSON null) to a nil pointer.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// writeJSON sends a success body as application/json.
func writeJSON(w http.ResponseWriter, status int, v any) {
	writeBody(w, status, "application/json", v)
}

// writeBody encodes v without HTML escaping so URLs with & or < read back
// byte for byte, and sets Content-Length so clients never see chunking.
func writeBody(w http.ResponseWriter, status int, contentType string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only our own types are encoded here; failing is a bug in the emulator.
		http.Error(w, `{"status":500,"title":"Internal Server Error","error_code":"internal_error"}`, http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
