package arize

import (
	"context"
	"net/http"
	"net/url"
)

// The evaluator endpoints of the API.

const (
	evaluatorsPath  = "/v2/evaluators"
	evaluatorsField = "evaluators"
)

func evaluatorPath(id string) string { return evaluatorsPath + "/" + url.PathEscape(id) }

// EvaluatorVersionRequest is a version to make: its configuration and the
// commit message it is recorded with.
type EvaluatorVersionRequest struct {
	CommitMessage string `json:"commit_message"`
	EvaluatorConfig
}

func (v EvaluatorVersionRequest) in(sp Spelling) EvaluatorVersionRequest {
	v.EvaluatorConfig = v.EvaluatorConfig.in(sp)
	return v
}

// EvaluatorCreateRequest is the body of POST /v2/evaluators: the evaluator
// and its first version.
type EvaluatorCreateRequest struct {
	SpaceID     string                  `json:"space_id"`
	Name        string                  `json:"name"`
	Description string                  `json:"description,omitempty"`
	Type        EvaluatorType           `json:"type"`
	Version     EvaluatorVersionRequest `json:"version"`
}

func (in EvaluatorCreateRequest) in(sp Spelling) EvaluatorCreateRequest {
	in.Type = evaluatorTypeSpellings.in(in.Type, sp)
	in.Version = in.Version.in(sp)
	return in
}

// madeAs reports whether got (read with its latest version) is what
// creating in makes.
func (in EvaluatorCreateRequest) madeAs(got *Evaluator) bool {
	description := ""
	if got.Description != nil {
		description = *got.Description
	}
	return got.Type.Canonical() == in.Type.Canonical() && description == in.Description &&
		got.Version != nil && SameConfig(got.Version.EvaluatorConfig, in.Version.EvaluatorConfig)
}

// EvaluatorUpdateRequest is the body of PATCH /v2/evaluators/{id}: the name
// and the description are all a PATCH can change; the configuration changes
// by a new version.
type EvaluatorUpdateRequest struct {
	Name        Field[string] `json:"name,omitzero"`
	Description Field[string] `json:"description,omitzero"`
}

// IsEmpty reports whether the request would send no field.
func (u EvaluatorUpdateRequest) IsEmpty() bool { return u.Name.IsZero() && u.Description.IsZero() }

// CreateEvaluator makes an evaluator with its first version, and returns it
// with that version. Names are unique within a space, so a create whose
// outcome is unknown is finished by looking the name up in the space, never
// by sending it twice.
func (c *Client) CreateEvaluator(ctx context.Context, in EvaluatorCreateRequest) (*Evaluator, error) {
	out, err := writeSpelt(ctx, c, func(sp Spelling) (*Evaluator, error) {
		return createObject(ctx, c, evaluatorsPath, in.in(sp), in.Name, func(ctx context.Context) (*Evaluator, error) {
			return c.findCreatedEvaluator(ctx, in)
		})
	})
	c.learnFromEvaluator(out)
	return out, err
}

// findCreatedEvaluator looks for the evaluator an earlier POST of in may
// have made. A list item carries no version, so a same-named one is read
// before it is compared.
func (c *Client) findCreatedEvaluator(ctx context.Context, in EvaluatorCreateRequest) (*Evaluator, error) {
	scope := url.Values{"space_id": {in.SpaceID}}
	same, err := findByName(ctx, c, evaluatorsPath, evaluatorsField, scope, in.Name, func(e *Evaluator) string { return e.Name })
	if err != nil || len(same) == 0 {
		return nil, err
	}
	got, err := c.GetEvaluator(ctx, same[0].ID)
	if err != nil {
		return nil, err
	}
	return adoptIfMadeAs([]Evaluator{*got}, in.madeAs, func(e *Evaluator) string { return e.ID })
}

// GetEvaluator reads an evaluator with its latest version; a missing one is
// an error for which IsNotFound is true.
func (c *Client) GetEvaluator(ctx context.Context, id string) (*Evaluator, error) {
	out, err := getObject[Evaluator](ctx, c, evaluatorPath(id))
	c.learnFromEvaluator(out)
	return out, err
}

// UpdateEvaluator changes the name or the description with one PATCH. The
// answer carries no version.
func (c *Client) UpdateEvaluator(ctx context.Context, id string, in EvaluatorUpdateRequest) (*Evaluator, error) {
	return patchClearing[Evaluator](ctx, c, evaluatorPath(id), &in, &in.Description)
}

// DeleteEvaluator deletes an evaluator and all its versions, irreversibly.
// A missing one is an error for which IsNotFound is true.
func (c *Client) DeleteEvaluator(ctx context.Context, id string) error {
	return deleteObject(ctx, c, evaluatorPath(id))
}

// CreateEvaluatorVersion appends a version to evaluator id, whose latest
// version is priorVersionID, and returns it; it is the latest at once.
// Versions have no name to look up, so when a try's outcome is unknown the
// evaluator is read instead: a latest version other than priorVersionID
// whose configuration is in's was made by that try and is adopted;
// otherwise nothing was made, and the POST may be sent again. It is never
// sent twice blindly.
func (c *Client) CreateEvaluatorVersion(ctx context.Context, id, priorVersionID string, in EvaluatorVersionRequest) (*EvaluatorVersion, error) {
	return writeSpelt(ctx, c, func(sp Spelling) (*EvaluatorVersion, error) {
		var out EvaluatorVersion
		adopt := func(ctx context.Context) (bool, error) {
			got, err := c.GetEvaluator(ctx, id)
			if err != nil {
				return false, err
			}
			latest := got.Version
			if latest == nil || latest.ID == priorVersionID || !SameConfig(latest.EvaluatorConfig, in.EvaluatorConfig) {
				return false, nil
			}
			c.log.Debug(ctx, "Arize API version create recovered: the version was made, its answer lost", map[string]any{"id": latest.ID})
			out = *latest
			return true, nil
		}
		err := c.do(ctx, call{
			method: http.MethodPost, path: evaluatorPath(id) + "/versions", body: in.in(sp), want: http.StatusCreated, out: &out,
			retry: createOnce("the latest version of evaluator "+id, adopt),
		})
		if err != nil {
			return nil, err
		}
		return &out, nil
	})
}

// EvaluatorListOptions filters the evaluator list. Name and SpaceName match
// case-insensitive substrings, as the API does.
type EvaluatorListOptions struct {
	SpaceID   string
	SpaceName string
	Name      string
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

func (opts EvaluatorListOptions) query() url.Values {
	return listQuery(map[string]string{"space_id": opts.SpaceID, "space_name": opts.SpaceName, "name": opts.Name}, opts.Limit)
}

// ListEvaluatorsPage reads one page of the list, whose items carry no
// version; cursor is "" for the first page.
func (c *Client) ListEvaluatorsPage(ctx context.Context, opts EvaluatorListOptions, cursor string) ([]Evaluator, Pagination, error) {
	items, p, err := listPage[Evaluator](ctx, c, evaluatorsPath, opts.query(), evaluatorsField, cursor)
	for i := range items {
		c.learnFromEvaluator(&items[i])
	}
	return items, p, err
}

// ListEvaluators reads every page of the list.
func (c *Client) ListEvaluators(ctx context.Context, opts EvaluatorListOptions) ([]Evaluator, error) {
	all, err := listAll[Evaluator](ctx, c, evaluatorsPath, opts.query(), evaluatorsField)
	for i := range all {
		c.learnFromEvaluator(&all[i])
	}
	return all, err
}

func (c *Client) learnFromEvaluator(e *Evaluator) {
	if e != nil {
		c.spelling.learnFromEvaluator(e.Type)
	}
}
