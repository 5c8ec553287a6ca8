package memapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Update applies a PATCH: a field that is absent is left alone, a null one is
// cleared (api_key, base_url, model_names, headers, provider_metadata;
// scopings become account-wide), a value replaces what was there. Null for a
// field that cannot be cleared is a 422 and an empty PATCH a 400, as the API
// answers. A failed update changes nothing.
func (a *API) Update(_ context.Context, id string, in arize.UpdateRequest) (*arize.Integration, error) {
	if in.IsEmpty() {
		return nil, apiError(http.MethodPatch, id, http.StatusBadRequest, "request body must set at least one field")
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	rec, ok := a.byID[id]
	if !ok {
		return nil, notFound(http.MethodPatch, id)
	}
	next := clone(rec.In)
	if err := apply(&next, in); err != nil {
		return nil, apiError(http.MethodPatch, id, http.StatusUnprocessableEntity, err.Error())
	}
	if other, taken := a.names[next.Name]; taken && other != id {
		return nil, apiError(http.MethodPatch, id, http.StatusConflict, fmt.Sprintf("an AI integration named %q already exists", next.Name))
	}
	// updated_at moves forward on every update, even within a millisecond,
	// as the emulator's does.
	next.UpdatedAt = a.timestamp()
	if prev, err := time.Parse(timeLayout, rec.In.UpdatedAt); err == nil && next.UpdatedAt <= rec.In.UpdatedAt {
		next.UpdatedAt = prev.Add(time.Millisecond).Format(timeLayout)
	}
	delete(a.names, rec.In.Name)
	a.names[next.Name] = id
	rec.In = next
	a.generation++
	out := clone(next)
	return &out, nil
}

// apply writes the set fields of in onto dst.
func apply(dst *arize.Integration, in arize.UpdateRequest) error {
	if err := required(&dst.Name, in.Name, "name"); err != nil {
		return err
	}
	if err := required(&dst.Provider, in.Provider, "provider"); err != nil {
		return err
	}
	if err := required(&dst.EnableDefaultModels, in.EnableDefaultModels, "enable_default_models"); err != nil {
		return err
	}
	if err := required(&dst.FunctionCallingEnabled, in.FunctionCallingEnabled, "function_calling_enabled"); err != nil {
		return err
	}
	if err := required(&dst.AuthType, in.AuthType, "auth_type"); err != nil {
		return err
	}
	if in.APIKey.IsSet() {
		key, _ := in.APIKey.Get()
		dst.HasAPIKey = key != ""
	}
	if in.BaseURL.IsSet() {
		dst.BaseURL = nil
		if u, ok := in.BaseURL.Get(); ok && u != "" {
			dst.BaseURL = &u
		}
	}
	if in.ModelNames.IsSet() {
		names, _ := in.ModelNames.Get()
		dst.ModelNames = slices.Clone(names)
	}
	if in.Headers.IsSet() {
		h, _ := in.Headers.Get()
		dst.Headers = cloneHeaders(h)
	}
	if in.ProviderMetadata.IsSet() {
		dst.ProviderMetadata = nil
		if m, ok := in.ProviderMetadata.Get(); ok {
			dst.ProviderMetadata = cloneMetadata(&m)
		}
	}
	if in.Scopings.IsSet() {
		s, _ := in.Scopings.Get()
		dst.Scopings = normalizeScopings(s)
	}
	return nil
}

// required sets a field that the API never clears: null is refused.
func required[T any](dst *T, f arize.Field[T], name string) error {
	if !f.IsSet() {
		return nil
	}
	v, ok := f.Get()
	if !ok {
		return fmt.Errorf("%s must not be null", name)
	}
	*dst = v
	return nil
}
