package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// endpointValidator checks the provider's endpoint as the client will.
type endpointValidator struct{}

func (endpointValidator) Description(context.Context) string {
	return "must be an https:// URL, or http:// on a loopback host"
}

func (v endpointValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (endpointValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := arize.ParseEndpoint(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Arize endpoint", err.Error())
	}
}

// httpURLValidator requires an absolute http or https URL with a host.
type httpURLValidator struct{}

func (httpURLValidator) Description(context.Context) string {
	return "must be an absolute http:// or https:// URL"
}

func (v httpURLValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (httpURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	u, err := url.Parse(req.ConfigValue.ValueString())
	switch {
	case err != nil:
		// url's error, and the text, may hold credentials: name neither.
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL", "The value is not a URL.")
	case (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("%q is not an absolute http:// or https:// URL with a host.", u.Redacted()))
	}
}

// headersSizeValidator enforces the API's limit on the serialised headers map
// at plan time. The message gives sizes only: header values may be secrets.
type headersSizeValidator struct{}

func (headersSizeValidator) Description(context.Context) string {
	return fmt.Sprintf("serialised as JSON, must be at most %d bytes", arize.MaxHeadersBytes)
}

func (v headersSizeValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (headersSizeValidator) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	headers := make(map[string]string, len(req.ConfigValue.Elements()))
	for k, v := range req.ConfigValue.Elements() {
		s, ok := v.(types.String)
		if !ok || s.IsUnknown() {
			return // checked again at apply, when every value is known
		}
		headers[k] = s.ValueString()
	}
	b, err := json.Marshal(headers)
	if err != nil {
		return
	}
	if len(b) > arize.MaxHeadersBytes {
		resp.Diagnostics.AddAttributeError(req.Path, "Headers too large",
			fmt.Sprintf("The headers serialise to %d bytes of JSON; the Arize API accepts at most %d.", len(b), arize.MaxHeadersBytes))
	}
}

// durationValidator requires a positive Go duration such as "30s".
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive duration such as \"30s\" or \"2m\""
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parsePositiveDuration(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration", err.Error())
	}
}

func parsePositiveDuration(raw string) (time.Duration, error) {
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration such as \"30s\" or \"2m\"", raw)
	}
	return d, nil
}

// The API's limits on the names and descriptions of organizations and
// spaces, in characters (the Python SDK's, the only source that keeps them).
const (
	maxNameChars        = 255
	maxDescriptionChars = 1000
)

// notBlankValidator refuses a string of white space only, which the API
// refuses as a name (an empty one is a length validator's to refuse).
type notBlankValidator struct{}

func (notBlankValidator) Description(context.Context) string {
	return "must not be blank"
}

func (v notBlankValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (notBlankValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if v := req.ConfigValue.ValueString(); v != "" && strings.TrimSpace(v) == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Blank value",
			fmt.Sprintf("%s must contain a character other than white space.", req.Path))
	}
}

// jsonValidator requires a string that parses as JSON.
type jsonValidator struct{}

func (jsonValidator) Description(context.Context) string { return "must be valid JSON" }

func (v jsonValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (jsonValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(req.ConfigValue.ValueString()), &v); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON",
			fmt.Sprintf("%s must be a JSON document (use jsonencode): %s.", req.Path, err))
	}
}

// uniqueKnownValuesValidator refuses a list with the same value twice, as
// listvalidator.UniqueValues does, but compares only the elements whose
// value is wholly known. UniqueValues takes two unknown elements for
// duplicates: scopings that name organizations and spaces by reference
// (organization_id = arize_organization.a.id, then .b.id) are each
// {unknown, unknown} while Terraform validates, and were refused though
// they differ. An element with an unknown part is checked when it is
// known, at apply's validation.
type uniqueKnownValuesValidator struct{}

func (uniqueKnownValuesValidator) Description(context.Context) string {
	return "all values must be unique"
}

func (v uniqueKnownValuesValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (uniqueKnownValuesValidator) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	elements := req.ConfigValue.Elements()
	for i, a := range elements {
		if !fullyKnown(ctx, a) {
			continue
		}
		for _, b := range elements[i+1:] {
			if fullyKnown(ctx, b) && a.Equal(b) {
				resp.Diagnostics.AddAttributeError(req.Path, "Duplicate List Value",
					fmt.Sprintf("This attribute contains duplicate values of: %s", a))
				return
			}
		}
	}
}
