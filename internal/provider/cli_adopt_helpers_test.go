package provider

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	hclv2 "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

// What the adoption tests share: the guide's query files, what a generated
// file imports, what the emulator holds in each organization and space, and
// the guide's step that turns IDs into references.

// guideQuery is a query file of the guide "Adopt an existing Arize
// account", as the guide shows it: the tests run the files users copy.
func guideQuery(t *testing.T, name string) string {
	t.Helper()
	return readFile(t, filepath.Join("..", "..", "examples", "guides", "adopt-account", name))
}

// adoptedObject is one object of the account: its resource type and the
// ID its import identity names (a restriction's is its project's).
type adoptedObject struct{ typ, id string }

func (o adoptedObject) String() string { return o.typ + " " + o.id }

// generatedImports are the import blocks of a generated file: the object
// each imports, and the address it imports it to.
func generatedImports(t *testing.T, src string) map[adoptedObject]string {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "adopted.tf", hclv2.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("adopted.tf does not parse: %v", diags)
	}
	out := map[adoptedObject]string{}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type != "import" {
			continue
		}
		to, diags := hclv2.AbsTraversalForExpr(b.Body.Attributes["to"].Expr)
		if diags.HasErrors() || len(to) != 2 {
			t.Fatalf("an import block's to is not <type>.<name>: %v", diags)
		}
		identity, ok := b.Body.Attributes["identity"]
		if !ok {
			t.Fatalf("the import block of %s has no identity", to.RootName())
		}
		v, diags := identity.Expr.Value(nil)
		if diags.HasErrors() {
			t.Fatalf("the import identity of %s: %v", to.RootName(), diags)
		}
		typ := to.RootName()
		key := "id"
		if typ == "arize_project_restriction" {
			key = "project_id"
		}
		id := v.GetAttr(key).AsString()
		o := adoptedObject{typ, id}
		if addr, twice := out[o]; twice {
			// One query file found the object twice: a pass's result that
			// imports one object to two addresses.
			t.Errorf("%s is imported twice, to %s and to %s", o, addr, to.RootName()+"."+to[1].(hclv2.TraverseAttr).Name)
		}
		out[o] = typ + "." + to[1].(hclv2.TraverseAttr).Name
	}
	return out
}

// accountObject is one object of the emulator's account and where it
// lives: the organizations and spaces a scoped query finds it in, or none
// for what belongs to the whole account.
type accountObject struct {
	adoptedObject
	name   string
	orgs   []string
	spaces []string
}

// accountInventory is everything in the emulator that the guide's query
// files adopt, read from the emulator's own state (not through the
// provider), with where each object lives.
func accountInventory(emu *emulator.Server) []accountObject {
	var all []accountObject
	add := func(typ, id, name string, orgs, spaces []string) {
		all = append(all, accountObject{adoptedObject{typ, id}, name, orgs, spaces})
	}
	orgOfSpace := map[string]string{}
	for _, sp := range emu.Spaces() {
		orgOfSpace[sp.ID] = sp.OrganizationID
	}
	spaceOfProject := map[string]string{}
	for _, p := range emu.Projects() {
		spaceOfProject[p.ID] = p.SpaceID
	}
	inSpace := func(typ, id, name, space string) {
		add(typ, id, name, []string{orgOfSpace[space]}, []string{space})
	}

	for _, o := range emu.Organizations() {
		add("arize_organization", o.ID, o.Name, []string{o.ID}, nil)
	}
	for _, sp := range emu.Spaces() {
		inSpace("arize_space", sp.ID, sp.Name, sp.ID)
	}
	for _, in := range emu.List() {
		var orgs, spaces []string
		for _, sc := range in.Scopings {
			orgs = append(orgs, sc.OrganizationID)
			if sc.SpaceID != "" {
				spaces = append(spaces, sc.SpaceID)
			}
		}
		add("arize_ai_integration", in.ID, in.Name, orgs, spaces)
	}
	for _, e := range emu.Evaluators() {
		inSpace("arize_evaluator", e.ID, e.Name, e.SpaceID)
	}
	for _, p := range emu.Projects() {
		inSpace("arize_project", p.ID, p.Name, p.SpaceID)
	}
	for _, r := range emu.Restrictions() {
		inSpace("arize_project_restriction", r.ResourceID, "restriction of "+r.ResourceID, spaceOfProject[r.ResourceID])
	}
	for _, b := range emu.RoleBindings() {
		space := b.ResourceID
		if b.ResourceType == "PROJECT" {
			space = spaceOfProject[b.ResourceID]
		}
		inSpace("arize_role_binding", b.ID, b.UserID+" on "+b.ResourceID, space)
	}
	for _, u := range emu.Users() {
		if u.Status != "INACTIVE" { // deleted: blocked for ever, never listed
			add("arize_user", u.ID, u.Email, nil, nil)
		}
	}
	for _, r := range emu.Roles() {
		if !r.IsPredefined {
			add("arize_role", r.ID, r.Name, nil, nil)
		}
	}
	for _, k := range emu.APIKeys() {
		if k.Status != "ACTIVE" || (!k.ExpiresAt.IsZero() && !k.ExpiresAt.After(time.Now())) {
			continue // revoked or expired: gone, as the resource reads it
		}
		if k.BotUser == nil {
			add("arize_user_api_key", k.ID, k.Name, nil, nil)
			continue
		}
		var orgs, spaces []string
		for _, o := range k.BotUser.Organizations {
			orgs = append(orgs, o.OrgID)
			for _, sp := range o.Spaces {
				spaces = append(spaces, sp.SpaceID)
			}
		}
		add("arize_service_api_key", k.ID, k.Name, orgs, spaces)
	}
	return all
}

// selectObjects are the objects of inventory that keep returns true for.
func selectObjects(inventory []accountObject, keep func(accountObject) bool) map[adoptedObject]string {
	out := map[adoptedObject]string{}
	for _, o := range inventory {
		if keep(o) {
			out[o.adoptedObject] = o.name
		}
	}
	return out
}

// ofOrganization: what organization.tfquery.hcl adopts for organization
// id: the objects that live in it or in one of its spaces.
func ofOrganization(id string) func(accountObject) bool {
	return func(o accountObject) bool { return slices.Contains(o.orgs, id) }
}

// ofSpace: what space.tfquery.hcl adopts for space id.
func ofSpace(id string) func(accountObject) bool {
	return func(o accountObject) bool { return slices.Contains(o.spaces, id) }
}

// ofAccount: what account-level.tfquery.hcl adopts: what lives in no
// organization.
func ofAccount(o accountObject) bool { return len(o.orgs) == 0 }

// expectSameObjects fails the test unless got names exactly the objects
// of want, listing those missing and those extra by name.
func expectSameObjects(t *testing.T, pass string, got map[adoptedObject]string, want map[adoptedObject]string) {
	t.Helper()
	var missing, extra []string
	for o, name := range want {
		if _, ok := got[o]; !ok {
			missing = append(missing, fmt.Sprintf("%s (%s)", o, name))
		}
	}
	for o := range got {
		if _, ok := want[o]; !ok {
			extra = append(extra, o.String())
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("%s: the generated file does not import exactly the objects in scope:\nmissing: %v\nextra: %v",
			pass, missing, extra)
	}
}

// referenceIDs is the guide's step 6 on a generated file: every quoted ID
// of an adopted object, in a resource block, becomes a reference to that
// object's resource (arize_organization.all_0.id). Import blocks keep their
// IDs. It returns the file and how many IDs it replaced.
func referenceIDs(t *testing.T, src string, imports map[adoptedObject]string) (string, int) {
	t.Helper()
	addressOf := map[string]string{}
	for o, addr := range imports {
		if o.typ != "arize_project_restriction" { // its identity is its project's ID
			addressOf[o.id] = addr
		}
	}
	f, diags := hclwrite.ParseConfig([]byte(src), "adopted.tf", hclv2.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	replaced := 0
	for _, b := range f.Body().Blocks() {
		if b.Type() != "resource" {
			continue
		}
		self := b.Labels()[0] + "." + b.Labels()[1]
		for name, attr := range b.Body().Attributes() {
			tokens := attr.Expr().BuildTokens(nil)
			var out hclwrite.Tokens
			changed := false
			for i := 0; i < len(tokens); i++ {
				// A quoted ID is three tokens: the quotes and the text.
				if i+2 < len(tokens) && tokens[i].Type == hclsyntax.TokenOQuote &&
					tokens[i+1].Type == hclsyntax.TokenQuotedLit && tokens[i+2].Type == hclsyntax.TokenCQuote {
					if addr, ok := addressOf[string(tokens[i+1].Bytes)]; ok && addr != self {
						out = append(out, &hclwrite.Token{
							Type: hclsyntax.TokenIdent, Bytes: []byte(addr + ".id"), SpacesBefore: tokens[i].SpacesBefore,
						})
						i += 2
						changed = true
						replaced++
						continue
					}
				}
				out = append(out, tokens[i])
			}
			if changed {
				b.Body().SetAttributeRaw(name, out)
			}
		}
	}
	return string(hclwrite.Format(f.Bytes())), replaced
}
