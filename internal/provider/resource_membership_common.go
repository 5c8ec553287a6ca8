package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// What arize_organization_member and arize_space_member share. A membership
// is a user's role in a parent (an organization or a space). The API can add
// one (an upsert: it also changes a member's role) and remove one, but has no
// endpoint that reads one back. So a membership is known by its parent's ID
// and its user's ID, which are its import ID and its identity, and Read keeps
// state as it is: there is nothing to compare it with, and inventing values
// would hide that.

// membershipKind is what one membership resource is a membership of.
type membershipKind struct {
	objectType
	// parentAttr is the attribute holding the parent's ID: "organization_id".
	parentAttr string
	// parentNoun is the parent in prose: "organization".
	parentNoun string
}

// membershipIDSeparator separates the parent's ID from the user's in a
// membership's id and import ID.
const membershipIDSeparator = "/"

// membershipID is the id of the membership of userID in parentID, which is
// also its import ID.
func membershipID(parentID, userID string) string {
	return parentID + membershipIDSeparator + userID
}

// errAmbiguousImportID says an import ID has more than one "/".
var errAmbiguousImportID = errors.New("ambiguous import ID")

// parseImportID splits an import ID "<parent id>/<user id>". Arize's IDs
// are opaque base64 strings, whose alphabet includes "/", so an ID with more
// than one "/" could be split in several places, and no rule can tell which
// one is meant: "AAAA/AAA/AAAA" is two well-formed base64 IDs when split at
// either "/", and IDs are not even always base64. Rather than guess
// (a wrong guess would adopt a membership of another user or parent), such
// an ID is refused, and the error points to the import by identity, whose
// two attributes need no splitting. With exactly one "/" the split is the
// only one there is.
func (k membershipKind) parseImportID(raw string) (parentID, userID string, err error) {
	parentID, userID, _ = strings.Cut(raw, membershipIDSeparator)
	switch n := strings.Count(raw, membershipIDSeparator); {
	case n == 0 || parentID == "" || userID == "":
		return "", "", fmt.Errorf("the import ID of an %s is \"<%s>/<user_id>\", got %q", k.resource, k.parentAttr, raw)
	case n > 1:
		return "", "", fmt.Errorf("%w: %q has %d \"/\", and Arize's IDs may themselves contain \"/\", so it cannot be "+
			"split into the %s and the user ID safely", errAmbiguousImportID, raw, n, k.parentAttr)
	}
	return parentID, userID, nil
}

// importHelp is what the error of an import ID that cannot be read says to
// do instead.
func (k membershipKind) importHelp() string {
	return fmt.Sprintf("Import it with an import block that gives its identity instead (Terraform 1.12 or later):\n\n"+
		"import {\n  to       = %s.<name>\n  identity = {\n    %s = \"<%s id>\"\n    user_id = \"<user id>\"\n  }\n}\n\n"+
		"Or declare the membership and apply without importing it: adding a member is an upsert, so the apply sets "+
		"the configured role of a user who is already a member.", k.resource, k.parentAttr, k.parentNoun)
}

// identitySchema is the identity of a membership: its parent's and its
// user's IDs. The id-only identity of other types would have to be split
// like an import ID, which cannot always be done (see parseImportID).
func (k membershipKind) identitySchema() identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			k.parentAttr: identityschema.StringAttribute{
				Description:       fmt.Sprintf("The ID of the %s.", k.parentNoun),
				RequiredForImport: true,
			},
			"user_id": identityschema.StringAttribute{
				Description:       "The ID of the user.",
				RequiredForImport: true,
			},
		},
	}
}

// setIdentity records the identity of the membership of userID in
// parentID. Terraform older than 1.12 has no identities, and then identity
// is nil.
func (k membershipKind) setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, parentID, userID string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	diags := identity.SetAttribute(ctx, path.Root(k.parentAttr), types.StringValue(parentID))
	diags.Append(identity.SetAttribute(ctx, path.Root("user_id"), types.StringValue(userID))...)
	return diags
}

// importState imports a membership from "<parent id>/<user id>" or from an
// identity. Nothing can be read from Arize: not whether the membership
// exists, nor its role, nor its record's ID. So state gets the two IDs and
// the composite id, and role (custom_role_id) and membership_id stay null.
// The next plan then shows the configured role being set, an in-place update
// that costs one upsert and makes the role the configured one whatever it
// was: that is the only way to know it.
func (k membershipKind) importState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var parentID, userID string
	switch {
	case req.ID != "":
		var err error
		if parentID, userID, err = k.parseImportID(req.ID); err != nil {
			detail := err.Error() + "."
			if errors.Is(err, errAmbiguousImportID) {
				detail += "\n\n" + k.importHelp()
			}
			resp.Diagnostics.AddError("Invalid import ID", detail)
			return
		}
	case req.Identity != nil:
		var parent, user types.String
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(k.parentAttr), &parent)...)
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root("user_id"), &user)...)
		if resp.Diagnostics.HasError() {
			return
		}
		parentID, userID = parent.ValueString(), user.ValueString()
		if parentID == "" || userID == "" {
			resp.Diagnostics.AddError("Invalid import identity",
				fmt.Sprintf("An %s's identity needs both %s and user_id, not empty.", k.resource, k.parentAttr))
			return
		}
	default:
		resp.Diagnostics.AddError("Missing import ID",
			fmt.Sprintf("Import an %s by \"<%s>/<user_id>\" or by its identity.", k.resource, k.parentAttr))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), membershipID(parentID, userID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(k.parentAttr), parentID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), userID)...)
	resp.Diagnostics.Append(k.setIdentity(ctx, resp.Identity, parentID, userID)...)
}

// read keeps the state as it is, with no API call: Arize has no endpoint
// that could say otherwise. Only the identity is (re)set from state, which
// the framework wants after every read.
func (k membershipKind) read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var parentID, userID types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(k.parentAttr), &parentID)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("user_id"), &userID)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(k.setIdentity(ctx, resp.Identity, parentID.ValueString(), userID.ValueString())...)
}

// errorDetail is apiErrorDetail for an add or a role change, with, on the
// API's 400, the rules that make Arize refuse a membership it could
// otherwise make: the API's own words follow.
func (k membershipKind) errorDetail(err error, rules string) string {
	if hasAPIStatus(err, http.StatusBadRequest) {
		return "Arize refused the membership. " + rules + "\n\n" + err.Error()
	}
	return apiErrorDetail(k.objectType, err)
}

// hasAPIStatus reports whether any API answer err carries has status. Unlike
// errors.As, which stops at the first *arize.APIError, it looks at all of
// them: a write refused in both enum spellings carries two answers, and the
// rule that refused it may be in the second (the first refused the
// spelling).
func hasAPIStatus(err error, status int) bool {
	var apiErr *arize.APIError
	if errors.As(err, &apiErr) && apiErr.Status == status {
		return true
	}
	switch e := err.(type) { //nolint:errorlint // walking the tree errors.As walks, to see every branch
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			if hasAPIStatus(inner, status) {
				return true
			}
		}
	case interface{ Unwrap() error }:
		return hasAPIStatus(e.Unwrap(), status)
	}
	return false
}

// predefinedRoleNames are the predefined roles' names, in today's spelling.
func predefinedRoleNames() []string {
	roles := arize.PredefinedRoles()
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	return names
}

// membershipIDAttribute is a membership's id attribute, set once it exists.
func membershipIDAttribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// requiredIDAttribute is a membership's parent or user ID: required, and a
// change makes it another membership.
func requiredIDAttribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Required:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1), notBlankValidator{}},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// membershipRecordIDAttribute is membership_id: Arize's ID of the membership
// record, from the answer to an add. It is unknown in a plan that changes
// the role: nothing promises the upsert keeps the record.
func membershipRecordIDAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: descMembershipID,
		Computed:            true,
	}
}

// importDoc is the import section of a membership resource's
// description.
func (k membershipKind) importDoc() string {
	return fmt.Sprintf("**Import** by `<%[1]s>/<user_id>` (with `terraform import` or an import block's `id`), or by "+
		"identity (`identity = { %[1]s = \"...\", user_id = \"...\" }`, Terraform 1.12 or later). Arize's IDs are base64 and "+
		"may themselves contain `/`: an import ID with more than one `/` cannot be split safely and is refused, and such a "+
		"membership is imported by identity. Because adding a member is an upsert, a membership made outside Terraform "+
		"need not be imported at all: declaring it and applying sets the configured role. Import cannot check that the "+
		"membership exists nor learn its role, so it leaves the role and `membership_id` null: the next plan shows the "+
		"configured role being set in place, and the apply sets it with one request.", k.parentAttr)
}
