// Package memapi is an in-memory provider.IntegrationsAPI: the Arize API's
// behaviour for integrations (ids, timestamps, defaults, PATCH semantics,
// unique names, 404s) with no HTTP and no JSON. The benchmark builds a
// baseline provider around it, so that the difference between the real
// provider and the baseline is the cost of the provider's I/O and encoding,
// and what both share is Terraform's and the framework's.
package memapi

import (
	"context"
	"encoding/base64"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// UserID is reported as created_by_user_id, as the emulator's default.
const UserID = "VXNlcjoxOm5OYkM="

// timeLayout is how the API renders created_at and updated_at.
const timeLayout = "2006-01-02T15:04:05.000Z"

// API keeps integrations in memory. It is safe for concurrent use.
type API struct {
	now func() time.Time

	mu    sync.Mutex
	seq   uint64
	byID  map[string]*record
	names map[string]string // name to id: names are unique in an account
	// generation counts successful writes, so a caller can tell whether
	// there is anything to save.
	generation uint64
}

// record is a stored integration with its creation sequence, which orders
// the list and anchors cursors.
type record struct {
	Seq uint64
	In  arize.Integration
}

// New returns an empty API.
func New() *API {
	return &API{now: time.Now, byID: map[string]*record{}, names: map[string]string{}}
}

// Generation changes after every successful create, update or delete.
func (a *API) Generation() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.generation
}

func (a *API) timestamp() string {
	return a.now().UTC().Truncate(time.Millisecond).Format(timeLayout)
}

// newID builds a relay-style id, base64("LlmIntegration:<n>"), the shape of
// Arize's ids, without the emulator's random suffix: sequences never repeat
// within a store.
func newID(n uint64) string {
	return base64.StdEncoding.EncodeToString([]byte("LlmIntegration:" + strconv.FormatUint(n, 10)))
}

// Create stores in with the API's defaults for what it leaves out.
func (a *API) Create(_ context.Context, in arize.CreateRequest) (*arize.Integration, error) {
	if in.Name == "" || in.Provider == "" {
		return nil, apiError(http.MethodPost, "", http.StatusUnprocessableEntity, "name and provider are required")
	}
	got := arize.Integration{
		Name:                   in.Name,
		Provider:               in.Provider,
		HasAPIKey:              in.APIKey != "",
		ModelNames:             slices.Clone(in.ModelNames),
		Headers:                cloneHeaders(in.Headers),
		EnableDefaultModels:    boolOr(in.EnableDefaultModels, false),
		FunctionCallingEnabled: boolOr(in.FunctionCallingEnabled, true),
		AuthType:               in.AuthType,
		ProviderMetadata:       cloneMetadata(in.ProviderMetadata),
		Scopings:               normalizeScopings(in.Scopings),
		CreatedByUserID:        UserID,
	}
	if in.BaseURL != "" {
		u := in.BaseURL
		got.BaseURL = &u
	}
	if got.AuthType == "" {
		got.AuthType = arize.AuthTypeDefault
	}

	a.mu.Lock()
	defer a.mu.Unlock()
	if _, taken := a.names[got.Name]; taken {
		return nil, apiError(http.MethodPost, "", http.StatusConflict, fmt.Sprintf("an AI integration named %q already exists", got.Name))
	}
	a.seq++
	got.ID = newID(a.seq)
	got.CreatedAt = a.timestamp()
	got.UpdatedAt = got.CreatedAt
	a.byID[got.ID] = &record{Seq: a.seq, In: got}
	a.names[got.Name] = got.ID
	a.generation++
	out := clone(got)
	return &out, nil
}

// Get returns a copy of one integration, or a 404 *arize.APIError.
func (a *API) Get(_ context.Context, id string) (*arize.Integration, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	rec, ok := a.byID[id]
	if !ok {
		return nil, notFound(http.MethodGet, id)
	}
	out := clone(rec.In)
	return &out, nil
}

// Delete removes one integration, or answers a 404 *arize.APIError.
func (a *API) Delete(_ context.Context, id string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	rec, ok := a.byID[id]
	if !ok {
		return notFound(http.MethodDelete, id)
	}
	delete(a.byID, id)
	delete(a.names, rec.In.Name)
	a.generation++
	return nil
}

// List returns every integration that opts selects, in creation order.
func (a *API) List(ctx context.Context, opts arize.ListOptions) ([]arize.Integration, error) {
	opts.Limit = 0
	page, err := a.ListPage(ctx, opts, "")
	if err != nil {
		return nil, err
	}
	return page.Integrations, nil
}

// ListPage returns one page in creation order. The cursor is the sequence
// number of the last integration of the previous page, so deletes between
// pages neither skip nor repeat anything. A zero Limit returns everything.
// Spaces are unknown here, so a space filter matches by id only.
func (a *API) ListPage(_ context.Context, opts arize.ListOptions, cursor string) (*arize.ListPage, error) {
	var after uint64
	if cursor != "" {
		n, err := strconv.ParseUint(cursor, 10, 64)
		if err != nil {
			return nil, apiError(http.MethodGet, "", http.StatusBadRequest, "cursor is invalid")
		}
		after = n
	}
	a.mu.Lock()
	recs := make([]*record, 0, len(a.byID))
	for _, rec := range a.byID {
		if rec.Seq > after && matches(&rec.In, opts) {
			recs = append(recs, rec)
		}
	}
	slices.SortFunc(recs, func(x, y *record) int { return compareSeq(x.Seq, y.Seq) })
	page := &arize.ListPage{}
	for i, rec := range recs {
		if opts.Limit > 0 && i == opts.Limit {
			page.Pagination.HasMore = true
			page.Pagination.NextCursor = strconv.FormatUint(recs[i-1].Seq, 10)
			break
		}
		page.Integrations = append(page.Integrations, clone(rec.In))
	}
	a.mu.Unlock()
	return page, nil
}

func compareSeq(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func matches(in *arize.Integration, opts arize.ListOptions) bool {
	if opts.Name != "" && !strings.Contains(strings.ToLower(in.Name), strings.ToLower(opts.Name)) {
		return false
	}
	if opts.SpaceID != "" && !slices.ContainsFunc(in.Scopings, func(s arize.Scoping) bool {
		return s.SpaceID != nil && *s.SpaceID == opts.SpaceID
	}) {
		return false
	}
	return opts.SpaceName == ""
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

func notFound(method, id string) error {
	return apiError(method, id, http.StatusNotFound, fmt.Sprintf("ai integration %q not found", id))
}

// apiError answers as the HTTP client would, so the provider's IsNotFound
// and IsConflict work unchanged.
func apiError(method, id string, status int, detail string) error {
	path := "/v2/ai-integrations"
	if id != "" {
		path += "/" + id
	}
	return &arize.APIError{Method: method, Path: path, Status: status, Title: http.StatusText(status), Detail: detail}
}

// normalizeScopings answers account-wide as the API does, [{}], and copies
// the rest.
func normalizeScopings(in []arize.Scoping) []arize.Scoping {
	if !slices.ContainsFunc(in, func(s arize.Scoping) bool { return !s.IsAccountWide() }) {
		return []arize.Scoping{{}}
	}
	out := make([]arize.Scoping, len(in))
	for i, s := range in {
		out[i] = arize.Scoping{OrganizationID: clonePtr(s.OrganizationID), SpaceID: clonePtr(s.SpaceID)}
	}
	return out
}

// clone deep-copies an integration so that no caller shares a slice, map or
// pointer with the store.
func clone(in arize.Integration) arize.Integration {
	out := in
	out.BaseURL = clonePtr(in.BaseURL)
	out.ModelNames = slices.Clone(in.ModelNames)
	out.Headers = cloneHeaders(in.Headers)
	out.ProviderMetadata = cloneMetadata(in.ProviderMetadata)
	if in.Scopings != nil {
		out.Scopings = normalizeScopings(in.Scopings)
	}
	return out
}

func cloneHeaders(h map[string]string) map[string]string {
	if len(h) == 0 {
		return nil
	}
	return maps.Clone(h)
}

func cloneMetadata(m *arize.ProviderMetadata) *arize.ProviderMetadata {
	if m == nil || (m.AWS == nil && m.GCP == nil) {
		return nil
	}
	out := arize.ProviderMetadata{Kind: m.Kind}
	if m.AWS != nil {
		aws := *m.AWS
		out.AWS = &aws
		out.Kind = arize.MetadataKindAWS
	}
	if m.GCP != nil {
		gcp := *m.GCP
		out.GCP = &gcp
		out.Kind = arize.MetadataKindGCP
	}
	return &out
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
