package emulator

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
)

// The enumerations in today's spelling, the canonical one the store holds
// whatever the server's dialect (dialect.go has the published spelling).
const (
	providerOpenAI      = "OPEN_AI"
	providerAzureOpenAI = "AZURE_OPEN_AI"
	providerAWSBedrock  = "AWS_BEDROCK"
	providerVertexAI    = "VERTEX_AI"
	providerAnthropic   = "ANTHROPIC"
	providerCustom      = "CUSTOM"
	providerNvidiaNim   = "NVIDIA_NIM"
	providerGemini      = "GEMINI"

	authDefault          = "DEFAULT"
	authProxyWithHeaders = "PROXY_WITH_HEADERS"
	authBearerToken      = "BEARER_TOKEN"

	kindAWS = "AWS"
	kindGCP = "GCP"
)

// maxHeadersBytes is the published limit on the JSON-serialised headers map.
const maxHeadersBytes = 8175

// validate applies the create rules to a whole integration, stored in
// today's spelling. POST, PATCH (on the patched result) and Put all go
// through it, so the three cannot drift. Details name the field, quote enum
// values in dialect's spelling and never quote a value that could be a
// secret.
func validate(in *Integration, dialect Dialect) *Problem {
	checks := []func(*Integration, Dialect) *Problem{
		validateName, validateEnums, validateBaseURL, validateModelNames,
		validateHeaders, validateProviderMetadata, validateModelSource, validateScopings,
	}
	for _, check := range checks {
		if p := check(in, dialect); p != nil {
			return p
		}
	}
	return nil
}

func validateName(in *Integration, _ Dialect) *Problem {
	if strings.TrimSpace(in.Name) == "" {
		return invalid("name is required and must not be blank")
	}
	return nil
}

func validateEnums(in *Integration, d Dialect) *Problem {
	switch {
	case in.Provider == "":
		return invalid("provider is required")
	case !slices.Contains(spellings[DialectToday].providers, in.Provider):
		return invalid("provider must be one of %s", d.oneOf("provider"))
	case !slices.Contains(spellings[DialectToday].authTypes, in.AuthType):
		return invalid("auth_type must be one of %s", d.oneOf("auth_type"))
	}
	return nil
}

// validateBaseURL wants an absolute http(s) URL with a host. The URL is not
// quoted back: it may carry user:password.
func validateBaseURL(in *Integration, _ Dialect) *Problem {
	if in.BaseURL == "" {
		return nil
	}
	u, err := url.Parse(in.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" {
		return invalid("base_url must be an absolute http or https URL with a host")
	}
	return nil
}

func validateModelNames(in *Integration, _ Dialect) *Problem {
	for i, name := range in.ModelNames {
		if strings.TrimSpace(name) == "" {
			return invalid("model_names[%d] must not be blank", i)
		}
	}
	return nil
}

// validateHeaders measures the compact JSON of the map without HTML
// escaping: the smallest honest serialisation, so a client that measures with
// json.Marshal is never more lenient than the server.
func validateHeaders(in *Integration, _ Dialect) *Problem {
	for name := range in.Headers {
		if strings.TrimSpace(name) == "" {
			return invalid("headers must not contain an empty header name")
		}
	}
	if n := headersSize(in.Headers); n > maxHeadersBytes {
		return invalid("headers serialise to %d bytes, more than the %d allowed", n, maxHeadersBytes)
	}
	return nil
}

func headersSize(h map[string]string) int {
	if len(h) == 0 {
		return 0
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(h)    // a map of strings always encodes
	return buf.Len() - 1 // Encode appends a newline
}

// validateProviderMetadata enforces that AWS metadata goes only with
// AWS_BEDROCK and GCP metadata only with VERTEX_AI. Those two may go without
// it (the contract lets a PATCH clear it with null); only switching to them
// needs it, which requireMetadataOnSwitch checks.
func validateProviderMetadata(in *Integration, d Dialect) *Problem {
	m := in.ProviderMetadata
	if m == nil {
		return nil
	}
	switch m.Kind {
	case kindAWS:
		if in.Provider != providerAWSBedrock {
			return invalid("%s is only allowed with provider %s, not %s",
				d.metadataOf(kindAWS), d.spell(providerAWSBedrock), d.spell(in.Provider))
		}
		if strings.TrimSpace(m.RoleARN) == "" {
			return invalid("provider_metadata.role_arn is required")
		}
		if m.ProjectID != "" || m.Location != "" || m.ProjectAccessLabel != "" {
			return invalid("%s takes only role_arn and external_id", d.metadataOf(kindAWS))
		}
	case kindGCP:
		if in.Provider != providerVertexAI {
			return invalid("%s is only allowed with provider %s, not %s",
				d.metadataOf(kindGCP), d.spell(providerVertexAI), d.spell(in.Provider))
		}
		for _, f := range []struct{ name, value string }{
			{"project_id", m.ProjectID}, {"location", m.Location}, {"project_access_label", m.ProjectAccessLabel},
		} {
			if strings.TrimSpace(f.value) == "" {
				return invalid("provider_metadata.%s is required", f.name)
			}
		}
		if m.RoleARN != "" || m.ExternalID != nil {
			return invalid("%s takes only project_id, location and project_access_label", d.metadataOf(kindGCP))
		}
	case "":
		return invalid("%s", d.missingKind())
	default:
		return invalid("provider_metadata.kind must be AWS or GCP")
	}
	return nil
}

// validateModelSource: Bedrock and Vertex have no model list of their own to
// fall back on, so they need default models enabled or explicit names.
func validateModelSource(in *Integration, d Dialect) *Problem {
	if in.Provider != providerAWSBedrock && in.Provider != providerVertexAI {
		return nil
	}
	if !in.EnableDefaultModels && len(in.ModelNames) == 0 {
		return invalid("model_names must not be empty when enable_default_models is false for provider %s", d.spell(in.Provider))
	}
	return nil
}

// validateScopings runs after normalize, so a nil list is account-wide and any
// remaining entry without an organization is mixed with narrower ones.
func validateScopings(in *Integration, _ Dialect) *Problem {
	for i, sc := range in.Scopings {
		switch {
		case sc.OrganizationID == "" && sc.SpaceID != "":
			return invalid("scopings[%d].organization_id is required when space_id is set", i)
		case sc.OrganizationID == "":
			return invalid("scopings[%d] is account-wide and cannot be combined with other scopings", i)
		}
	}
	return nil
}

// requireMetadataOnSwitch is the contract's rule for a PATCH that changes the
// provider to AWS_BEDROCK or VERTEX_AI: the same request must carry their
// provider_metadata (its kind is then checked by validate).
func requireMetadataOnSwitch(before string, after *Integration, fields map[string]json.RawMessage, d Dialect) *Problem {
	if after.Provider == before || (after.Provider != providerAWSBedrock && after.Provider != providerVertexAI) {
		return nil
	}
	if raw, ok := fields["provider_metadata"]; !ok || isNull(raw) {
		return invalid("switching provider to %s needs provider_metadata in the same request", d.spell(after.Provider))
	}
	return nil
}
