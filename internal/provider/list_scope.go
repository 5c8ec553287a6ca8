package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// The scope filters: every list resource of objects that live in an
// organization or a space takes organization_id and space_id, so that a
// team can adopt its account one organization, or one space, at a time
// with the same two variables in every list block. Where the API has the
// filter, the list resource sends it; where it does not, the list resource
// resolves the scope to the set of spaces it names (listScope.resolve) and
// keeps the objects in them.

// scopeIDValidators refuse an empty or blank ID at plan time: an empty
// filter would match everything, which leaving it out says.
func scopeIDValidators() []validator.String {
	return []validator.String{stringvalidator.LengthAtLeast(1), notBlankValidator{}}
}

// scopeAttributes are the two scope filters as a list resource's config:
// orgDesc and spaceDesc say what each keeps of the type listed.
func scopeAttributes(orgDesc, spaceDesc string) map[string]listschema.Attribute {
	return map[string]listschema.Attribute{
		"organization_id": listschema.StringAttribute{
			MarkdownDescription: orgDesc + " An organization that does not exist, or that the provider's API key " +
				"cannot see, fails the query.",
			Optional:   true,
			Validators: scopeIDValidators(),
		},
		"space_id": listschema.StringAttribute{
			MarkdownDescription: spaceDesc + " A space that does not exist, or that the provider's API key cannot " +
				"see, fails the query; with `organization_id` too, the space must belong to that organization.",
			Optional:   true,
			Validators: scopeIDValidators(),
		},
	}
}

// listScope is the scope filters as a list resource's config reads them: a
// list resource's filters hold it, or copy its two fields and convert.
type listScope struct {
	OrganizationID types.String `tfsdk:"organization_id"`
	SpaceID        types.String `tfsdk:"space_id"`
}

// scope is a resolved listScope: everything, or the spaces it names.
type scope struct {
	// all is true when neither filter is set.
	all bool
	// organizationID is the organization_id filter, "" without one.
	organizationID string
	// spaces holds the IDs of the spaces in scope, when all is false.
	spaces map[string]bool
	// read are the spaces in scope as resolve read them, by ID, for a list
	// of spaces to answer without reading them again.
	read map[string]arize.Space
}

// hasSpace reports whether the space id is in scope.
func (s scope) hasSpace(id string) bool { return s.all || s.spaces[id] }

// hasOrganization reports whether objects of organization id are in scope:
// any organization when there is no filter, that of organization_id when
// it is set. With space_id alone, organizations are not in scope (an
// object of an organization, not of a space, is not in a space).
func (s scope) hasOrganization(id string) bool {
	return s.all || (s.organizationID != "" && s.organizationID == id)
}

// spaceIDs are the spaces in scope, in no particular order; nil when all.
func (s scope) spaceIDs() []string {
	if s.all {
		return nil
	}
	ids := make([]string, 0, len(s.spaces))
	for id := range s.spaces {
		ids = append(ids, id)
	}
	return ids
}

// resolve reads which spaces the filters name: with space_id, that space
// (one GET, which fails on a space that does not exist); with
// organization_id, the organization's spaces (one GET of it, then its
// spaces' pages); with both, the space, which must be the organization's.
// Without either, everything, and no request.
func (f listScope) resolve(ctx context.Context, c *arize.Client) (scope, error) {
	orgID, spaceID := f.OrganizationID.ValueString(), f.SpaceID.ValueString()
	if orgID == "" && spaceID == "" {
		return scope{all: true}, nil
	}
	s := scope{organizationID: orgID, spaces: map[string]bool{}, read: map[string]arize.Space{}}
	if orgID != "" {
		if _, err := c.GetOrganization(ctx, orgID); err != nil {
			return scope{}, notInScope("organization", orgID, err)
		}
		spaces, err := c.ListSpaces(ctx, arize.SpaceListOptions{OrganizationID: orgID, Limit: maxPageSize})
		if err != nil {
			return scope{}, err
		}
		for _, sp := range spaces {
			s.spaces[sp.ID] = true
			s.read[sp.ID] = sp
		}
	}
	if spaceID == "" {
		return s, nil
	}
	if orgID != "" {
		if !s.spaces[spaceID] {
			return scope{}, fmt.Errorf("the space %q is not one of the spaces of the organization %q that the "+
				"provider's API key can see: leave one of the filters out, or make them agree", spaceID, orgID)
		}
		s.spaces = map[string]bool{spaceID: true}
		s.read = map[string]arize.Space{spaceID: s.read[spaceID]}
		return s, nil
	}
	sp, err := c.GetSpace(ctx, spaceID)
	if err != nil {
		return scope{}, notInScope("space", spaceID, err)
	}
	s.spaces[spaceID] = true
	s.read[spaceID] = *sp
	return s, nil
}

// projects are the projects of the spaces in scope, their names by their
// IDs: one list per space. Nil, and no request, when the scope is
// everything.
func (s scope) projects(ctx context.Context, c *arize.Client) (map[string]string, error) {
	if s.all {
		return nil, nil
	}
	names := map[string]string{}
	for id := range s.spaces {
		projects, err := c.ListProjects(ctx, arize.ProjectListOptions{SpaceID: id, Limit: maxPageSize})
		if err != nil {
			return nil, err
		}
		for _, p := range projects {
			names[p.ID] = p.Name
		}
	}
	return names, nil
}

// notInScope is the error for a filter naming an object the key cannot
// read: a 404 says it does not exist.
func notInScope(noun, id string, err error) error {
	if arize.IsNotFound(err) {
		return fmt.Errorf("no %s with ID %q exists that the provider's API key can see: %w", noun, id, err)
	}
	return fmt.Errorf("reading the %s %q named by the %s_id filter: %w", noun, id, noun, err)
}

// scopeDiagnostics is a failed resolve as the diagnostics that end a list
// of objects of type o.
func scopeDiagnostics(o objectType, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddError(o.couldNotList(), apiErrorDetail(o, err))
	return diags
}

// spaceFilterScope is how a list whose API filters by one space_id reads
// the scope filters.
type spaceFilterScope struct {
	// spaceID is the space_id filter to send the API, "" for none.
	spaceID string
	// spaces, when not nil, are the spaces in scope, for an answer that
	// holds objects of other spaces too.
	spaces map[string]bool
	// empty is a scope of no space (an organization without one): there
	// is nothing to list, and no request to make.
	empty bool
}

// keep reports whether an object of the space spaceID is in scope.
func (s spaceFilterScope) keep(spaceID string) bool { return s.spaces == nil || s.spaces[spaceID] }

// resolveForSpaceFilter reads f for a list API with a space_id filter (those
// of projects and evaluators):
//   - space_id alone is sent to the API as it is, with no request more: the
//     list's 404 says the space does not exist;
//   - organization_id is resolved to its spaces (listScope.resolve). With
//     one space in scope (space_id too, or an organization of one space)
//     the API's filter reads exactly it. With several, one list of the whole
//     account is kept to them, rather than one list per space: a typical
//     account holds fewer than maxPageSize of these objects in all, one
//     request at the largest page size, against one request per space (at
//     least two for an organization of several spaces); an account of more
//     pages than the organization has spaces costs more this way, but never
//     more than one pass over its objects.
func resolveForSpaceFilter(ctx context.Context, c *arize.Client, f listScope) (spaceFilterScope, error) {
	if f.OrganizationID.ValueString() == "" {
		return spaceFilterScope{spaceID: f.SpaceID.ValueString()}, nil
	}
	s, err := f.resolve(ctx, c)
	if err != nil {
		return spaceFilterScope{}, err
	}
	switch ids := s.spaceIDs(); len(ids) {
	case 0:
		return spaceFilterScope{empty: true}, nil
	case 1:
		return spaceFilterScope{spaceID: ids[0]}, nil
	default:
		return spaceFilterScope{spaces: s.spaces}, nil
	}
}
