package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/arize-ai/terraform-provider-arize/internal/emulator"
)

const serviceKeyAddr = "arize_service_api_key.test"

func serviceKeyAttr(p tfjsonpath.Path, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(serviceKeyAddr, p, v)
}

func expectServiceKeyAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(serviceKeyAddr, action)}}
}

// keyWorld is an emulator holding an organization with two spaces and a
// custom role, made outside Terraform, for service keys to name.
type keyWorld struct {
	env                 *accEnv
	emu                 *emulator.Server
	org, spaceA, spaceB string
	reviewerRole        string
	secrets             *keySecrets
}

func newKeyWorld(t *testing.T) *keyWorld {
	t.Helper()
	env := newAccEnv(t)
	emu := env.emulator(t)
	org, err := emu.PutOrganization("Platform", "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := emu.PutSpace(org.ID, "pipelines", "", false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := emu.PutSpace(org.ID, "models", "", false)
	if err != nil {
		t.Fatal(err)
	}
	role, err := emu.PutRole(emulator.Role{Name: "reviewer", Permissions: []string{"PROJECT_READ"}})
	if err != nil {
		t.Fatal(err)
	}
	return &keyWorld{
		env: env, emu: emu, org: org.ID, spaceA: a.ID, spaceB: b.ID, reviewerRole: role.ID,
		secrets: &keySecrets{env: env, addr: serviceKeyAddr},
	}
}

// block is arize_service_api_key.test with the attributes lines, and
// organizations granting the organization's default role, MEMBER in space
// A and the custom role in space B (or spaceBRole, when set).
func (w *keyWorld) block(spaceBRole string, lines ...string) string {
	if spaceBRole == "" {
		spaceBRole = fmt.Sprintf("custom_role_id = %q", w.reviewerRole)
	}
	body := ""
	for _, l := range lines {
		body += "  " + l + "\n"
	}
	return fmt.Sprintf(`resource "arize_service_api_key" "test" {
%s  organizations = [{
    organization_id = %q
    spaces = [
      { space_id = %q, role = "MEMBER" },
      { space_id = %q, %s },
    ]
  }]
}
`, body, w.org, w.spaceA, w.spaceB, spaceBRole)
}

func (w *keyWorld) config(spaceBRole string, lines ...string) string {
	return w.env.config(w.block(spaceBRole, lines...))
}

// storedBot checks the service account the emulator holds for the key in
// state with check.
func (w *keyWorld) storedBot(check func(*emulator.BotUser) error) statecheck.StateCheck {
	return exampleStored{check: func() error {
		keys := w.emu.APIKeys()
		if len(keys) == 0 {
			return fmt.Errorf("the emulator holds no key")
		}
		k := keys[len(keys)-1]
		if k.BotUser == nil {
			return fmt.Errorf("key %s has no service account", k.ID)
		}
		return check(k.BotUser)
	}}
}

// TestAccServiceAPIKey_lifecycle makes a service key (one POST: the secret
// and its service account from the answer, the roles Arize defaults
// planned), refreshes it (pages of one space's list only), rotates it (one
// refresh: same ID and service account, a new secret that works, the old
// one dead), and destroys it (one revoke).
func TestAccServiceAPIKey_lifecycle(t *testing.T) {
	w := newKeyWorld(t)
	emu := w.emu
	sameID := statecheck.CompareValue(compare.ValuesSame())
	sameBot := statecheck.CompareValue(compare.ValuesSame())
	kept := func() []statecheck.StateCheck {
		return []statecheck.StateCheck{
			sameID.AddStateValue(serviceKeyAddr, tfjsonpath.New("id")),
			sameBot.AddStateValue(serviceKeyAddr, tfjsonpath.New("bot_user_id")),
			sensitiveInState{addr: serviceKeyAddr, attr: "key"},
		}
	}
	org := tfjsonpath.New("organizations").AtSliceIndex(0)
	base := []string{`name = "nightly pipeline"`, `description = "Uploads the nightly batch"`}
	accTest(t,
		resource.TestStep{
			Config:           w.config("", base...),
			ConfigPlanChecks: expectServiceKeyAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: append(kept(),
				keyWrites(emu, 1, 0, 0),
				expectRequests(emu, map[string]int{routeKeyList: 0}),
				serviceKeyAttr(tfjsonpath.New("key"), knownvalue.StringRegexp(secretPattern)),
				serviceKeyAttr(tfjsonpath.New("bot_user_id"), knownvalue.StringRegexp(relayID)),
				serviceKeyAttr(tfjsonpath.New("account_role"), knownvalue.StringExact("MEMBER")),
				serviceKeyAttr(org.AtMapKey("role"), knownvalue.StringExact("READ_ONLY")),
				serviceKeyAttr(tfjsonpath.New("status"), knownvalue.StringExact("ACTIVE")),
				serviceKeyAttr(tfjsonpath.New("expires_at"), knownvalue.Null()),
				serviceKeyAttr(tfjsonpath.New("created_by_user_id"), knownvalue.StringExact(emulatorKeyUser)),
				w.storedBot(func(b *emulator.BotUser) error {
					o := b.Organizations
					if b.AccountRole.Name != "MEMBER" || len(o) != 1 || o[0].OrgID != w.org || o[0].Role.Name != "READ_ONLY" ||
						len(o[0].Spaces) != 2 || o[0].Spaces[0].Role.Name != "MEMBER" || o[0].Spaces[1].Role.ID != w.reviewerRole {
						return fmt.Errorf("the service account holds %+v", *b)
					}
					return nil
				}),
			),
			Check: w.secrets.capture,
		},
		resource.TestStep{
			PreConfig:    emu.ResetCounters,
			RefreshState: true,
			Check:        func(*terraform.State) error { return onlyKeyListPages(emu, 1) },
		},
		resource.TestStep{
			PreConfig: emu.ResetCounters,
			Config:    w.config("", append(base, `rotation = "2027-01"`)...),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(serviceKeyAddr, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(serviceKeyAddr, tfjsonpath.New("key")),
				plancheck.ExpectSensitiveValue(serviceKeyAddr, tfjsonpath.New("key")),
				plancheck.ExpectUnknownValue(serviceKeyAddr, tfjsonpath.New("redacted_key")),
				plancheck.ExpectKnownValue(serviceKeyAddr, tfjsonpath.New("bot_user_id"), knownvalue.NotNull()),
			}},
			ConfigStateChecks: append(kept(), keyWrites(emu, 0, 1, 0)),
			Check: func(s *terraform.State) error {
				if err := w.secrets.capture(s); err != nil {
					return err
				}
				return w.secrets.noneLiveBut(w.secrets.latest())
			},
		},
		resource.TestStep{
			// A changed role replaces the key: Arize cannot change one.
			PreConfig:        emu.ResetCounters,
			Config:           w.config(`role = "READ_ONLY"`, append(base, `rotation = "2027-01"`)...),
			ConfigPlanChecks: expectServiceKeyAction(plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{
				keyWrites(emu, 1, 0, 1),
				w.storedBot(func(b *emulator.BotUser) error {
					if got := b.Organizations[0].Spaces[1].Role; got.Name != "READ_ONLY" {
						return fmt.Errorf("the new key's role in space B is %+v", got)
					}
					return nil
				}),
			},
			Check: func(s *terraform.State) error {
				if err := w.secrets.capture(s); err != nil {
					return err
				}
				return w.secrets.noneLiveBut(w.secrets.latest())
			},
		},
		resource.TestStep{
			PreConfig:        emu.ResetCounters,
			Config:           w.env.config(""),
			ConfigPlanChecks: expectServiceKeyAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{
				keyWrites(emu, 0, 0, 1),
				exampleStored{check: func() error { return w.secrets.noneLiveBut("") }},
			},
		},
	)
}

// TestAccServiceAPIKey_goneOutside: a key revoked outside Terraform, or
// expired, is dropped by the refresh, and the plan makes a new one.
func TestAccServiceAPIKey_goneOutside(t *testing.T) {
	for name, end := range map[string]func(*emulator.Server, string) bool{
		"revoked": (*emulator.Server).RevokeAPIKey,
		"expired": (*emulator.Server).ExpireAPIKey,
	} {
		t.Run(name, func(t *testing.T) {
			w := newKeyWorld(t)
			newID := statecheck.CompareValue(compare.ValuesDiffer())
			config := w.config("", `name = "ci"`, `expires_at = "2031-01-01T00:00:00Z"`)
			accTest(t,
				resource.TestStep{
					Config:            config,
					ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(serviceKeyAddr, tfjsonpath.New("id"))},
					Check:             w.secrets.capture,
				},
				resource.TestStep{
					PreConfig: func() {
						for _, k := range w.emu.APIKeys() {
							if !end(w.emu, k.ID) {
								t.Fatalf("no key %s", k.ID)
							}
						}
						w.emu.ResetCounters()
					},
					Config:           config,
					ConfigPlanChecks: expectServiceKeyAction(plancheck.ResourceActionCreate),
					ConfigStateChecks: []statecheck.StateCheck{
						newID.AddStateValue(serviceKeyAddr, tfjsonpath.New("id")),
						keyWrites(w.emu, 1, 0, 0),
						exampleStored{check: func() error {
							if n := activeKeys(w.emu, "SERVICE"); n != 1 {
								return fmt.Errorf("the emulator holds %d working service keys, want the new one", n)
							}
							return nil
						}},
					},
					Check: w.secrets.capture,
				},
			)
		})
	}
}

// TestAccServiceAPIKey_unknownOutcome: a create whose answer is lost after
// Arize made the key mints no second key: the key is found in its space's
// list and rotated once, so state ends with a secret that works; the
// service account, which only the lost answer named, is unknown.
func TestAccServiceAPIKey_unknownOutcome(t *testing.T) {
	w := newKeyWorld(t)
	accTest(t, resource.TestStep{
		PreConfig: func() { w.emu.DropNext(1, true) },
		Config:    w.config("", `name = "lost answer"`, `expires_at = "2031-06-01T00:00:00Z"`),
		ConfigStateChecks: []statecheck.StateCheck{
			keyWrites(w.emu, 1, 1, 0),
			exampleStored{check: func() error {
				if n := len(w.emu.APIKeys()); n != 1 {
					return fmt.Errorf("the emulator holds %d keys, want exactly 1", n)
				}
				return nil
			}},
			serviceKeyAttr(tfjsonpath.New("bot_user_id"), knownvalue.Null()),
		},
		Check: w.secrets.capture,
	})
}

// TestAccServiceAPIKey_spaceDeleted: once the space the key is read
// through is gone, Arize cannot list the key; state is kept (a key dropped
// from state would stay live, unmanaged) and the plan is empty, and a
// destroy still revokes it.
func TestAccServiceAPIKey_spaceDeleted(t *testing.T) {
	w := newKeyWorld(t)
	config := w.config("", `name = "orphan"`)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	accTest(t,
		resource.TestStep{
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(serviceKeyAddr, tfjsonpath.New("id"))},
			Check:             w.secrets.capture,
		},
		resource.TestStep{
			PreConfig: func() {
				if !w.emu.RemoveSpace(w.spaceA) {
					t.Fatal("no space A")
				}
				w.emu.ResetCounters()
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(serviceKeyAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(serviceKeyAddr, tfjsonpath.New("id")), keyWrites(w.emu, 0, 0, 0)},
		},
		resource.TestStep{
			PreConfig: w.emu.ResetCounters,
			Config:    w.env.config(""),
			ConfigStateChecks: []statecheck.StateCheck{
				keyWrites(w.emu, 0, 0, 1),
				exampleStored{check: func() error { return w.secrets.noneLiveBut("") }},
			},
		},
	)
}

// TestAccServiceAPIKey_import imports a key made outside Terraform by
// "<space_id>/<key_id>": what Arize lists is read; the secret and the roles
// are not, and the next plan records the configured roles in place, with
// no request to Arize. A rotation then gives Terraform a secret.
func TestAccServiceAPIKey_import(t *testing.T) {
	w := newKeyWorld(t)
	emu := w.emu
	made, _, err := emu.PutAPIKey(emulator.APIKey{
		KeyType: "SERVICE", Name: "made by hand", CreatedByUserID: emulatorKeyUser,
		BotUser: &emulator.BotUser{Organizations: []emulator.BotUserOrganization{{OrgID: w.org, Spaces: []emulator.BotUserSpace{
			{SpaceID: w.spaceA}, {SpaceID: w.spaceB, Role: emulator.MemberRole{Type: "CUSTOM", ID: w.reviewerRole}},
		}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	block := w.block("", `name = "made by hand"`)
	importBlock := fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", serviceKeyAddr, w.spaceB+"/"+made.ID)
	accTest(t,
		resource.TestStep{
			Config:        w.env.config(block),
			ResourceName:  serviceKeyAddr,
			ImportState:   true,
			ImportStateId: w.spaceB + "/" + made.ID,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				a := states[0].Attributes
				if len(states) != 1 || a["id"] != made.ID || a["name"] != "made by hand" || a["key"] != "" ||
					a["status"] != "ACTIVE" || a["redacted_key"] != made.RedactedKey || a["organizations.#"] != "" {
					return fmt.Errorf("imported %v", a)
				}
				return nil
			},
		},
		resource.TestStep{
			PreConfig: emu.ResetCounters,
			Config:    w.env.config(importBlock + block),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				// Recorded in place: an imported key is not replaced.
				plancheck.ExpectResourceAction(serviceKeyAddr, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				serviceKeyAttr(tfjsonpath.New("id"), knownvalue.StringExact(made.ID)),
				// Left out of the configuration, the imported key's unknown
				// account role stays unknown: no default is recorded for it.
				serviceKeyAttr(tfjsonpath.New("account_role"), knownvalue.Null()),
				serviceKeyAttr(tfjsonpath.New("organizations").AtSliceIndex(0).AtMapKey("organization_id"), knownvalue.StringExact(w.org)),
				serviceKeyAttr(tfjsonpath.New("key"), knownvalue.Null()),
				serviceKeyAttr(tfjsonpath.New("bot_user_id"), knownvalue.Null()),
				keyWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			PreConfig:         emu.ResetCounters,
			Config:            w.config("", `name = "made by hand"`, `rotation = "first"`),
			ConfigPlanChecks:  expectServiceKeyAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{serviceKeyAttr(tfjsonpath.New("id"), knownvalue.StringExact(made.ID)), keyWrites(emu, 0, 1, 0)},
			Check:             w.secrets.capture,
		},
		resource.TestStep{
			// An ID with more than one "/" cannot be split safely.
			Config:        w.env.config(block),
			ResourceName:  serviceKeyAddr,
			ImportState:   true,
			ImportStateId: "U3Bh/Y2U=/QXBp/S2V5",
			ExpectError:   wrappedRegexp(`Invalid import ID[\s\S]*space_id = "<space id>"`),
		},
	)
}

// TestAccServiceAPIKey_importByIdentity imports a key by its identity, the
// key's ID and a space it has a role in, which needs Terraform 1.12; and the
// identity a create records names the first space.
func TestAccServiceAPIKey_importByIdentity(t *testing.T) {
	w := newKeyWorld(t)
	made, _, err := w.emu.PutAPIKey(emulator.APIKey{
		KeyType: "SERVICE", Name: "by identity", CreatedByUserID: emulatorKeyUser,
		BotUser: &emulator.BotUser{Organizations: []emulator.BotUserOrganization{{OrgID: w.org, Spaces: []emulator.BotUserSpace{
			{SpaceID: w.spaceA}, {SpaceID: w.spaceB, Role: emulator.MemberRole{Type: "CUSTOM", ID: w.reviewerRole}},
		}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	block := w.block("", `name = "by identity"`)
	identity := map[string]knownvalue.Check{"id": knownvalue.StringExact(made.ID), "space_id": knownvalue.StringExact(w.spaceB)}
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: w.env.config(fmt.Sprintf("import {\n  to = %s\n  identity = {\n    id       = %q\n    space_id = %q\n  }\n}\n",
				serviceKeyAddr, made.ID, w.spaceB) + block),
			ConfigPlanChecks: expectServiceKeyAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(serviceKeyAddr, identity),
				serviceKeyAttr(tfjsonpath.New("key"), knownvalue.Null()),
				keyWrites(w.emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above:
			// the roles, unknown again, are planned to be recorded.
			Config:             w.env.config(block),
			ResourceName:       serviceKeyAddr,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithResourceIdentity,
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(serviceKeyAddr, plancheck.ResourceActionUpdate),
			}},
		},
		resource.TestStep{
			// A key Terraform makes is read through its first space.
			Config: w.env.config(w.block("", `name = "made by Terraform"`)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(serviceKeyAddr, map[string]knownvalue.Check{
					"id": knownvalue.NotNull(), "space_id": knownvalue.StringExact(w.spaceA),
				}),
				statecheck.ExpectIdentityValueMatchesState(serviceKeyAddr, tfjsonpath.New("id")),
			},
		},
	)
}

// TestAccServiceAPIKey_invalidConfig: what Arize would refuse fails at plan
// time, on the attribute, with no request to Arize.
func TestAccServiceAPIKey_invalidConfig(t *testing.T) {
	w := newKeyWorld(t)
	grants := func(orgRole, spaces string) string {
		return fmt.Sprintf("organizations = [{ organization_id = %q, %s spaces = [%s] }]", w.org, orgRole, spaces)
	}
	space := func(s string) string { return fmt.Sprintf("{ space_id = %q, %s }", w.spaceA, s) }
	key := func(lines ...string) string {
		body := ""
		for _, l := range lines {
			body += "  " + l + "\n"
		}
		return w.env.config("resource \"arize_service_api_key\" \"test\" {\n  name = \"n\"\n" + body + "}\n")
	}
	tests := []struct {
		config, expect string
	}{
		{key(`organizations = []`), `Attribute organizations list must contain at least 1 elements`},
		{key(), `Missing organizations for a new service API key[\s\S]*This plan makes the service API key "n"`},
		{key(grants("", "")), `Attribute organizations\[0\].spaces list must contain at least 1 elements`},
		{key(grants("", space(`role = "MEMBER", custom_role_id = "x"`))), `Conflicting roles`},
		{key(grants("", space(""))), `Missing role[\s\S]*A service key needs a role in each space`},
		{key(grants("", space(`role = "ANNOTATOR"`))), `Invalid service key role[\s\S]*Arize refuses the ANNOTATOR role for service keys`},
		{key(grants(`role = "ANNOTATOR",`, space(`role = "MEMBER"`))), `Invalid service key role[\s\S]*"ANNOTATOR"`},
		{key(`account_role = "READ_ONLY"`, grants("", space(`role = "MEMBER"`))), `Invalid service key role[\s\S]*"ADMIN" or "MEMBER"`},
		{key(grants("", space(`role = "MEMBER"`)+", "+space(`role = "ADMIN"`))), `Space listed twice`},
		{key(fmt.Sprintf(`organizations = [{ organization_id = %q, spaces = [%s] }, { organization_id = %q, spaces = [%s] }]`,
			w.org, space(`role = "MEMBER"`), w.org, fmt.Sprintf(`{ space_id = %q, role = "MEMBER" }`, w.spaceB))), `Organization listed twice`},
		{key(`expires_at = "2001-01-01T00:00:00Z"`, grants("", space(`role = "MEMBER"`))), `API key expiry in the past`},
	}
	var steps []resource.TestStep
	for _, tt := range tests {
		steps = append(steps, resource.TestStep{Config: tt.config, PlanOnly: true, ExpectError: wrappedRegexp(tt.expect)})
	}
	steps = append(steps, resource.TestStep{
		Config: w.env.config(""),
		Check: func(*terraform.State) error {
			if n := w.emu.Total(); n != 0 {
				return fmt.Errorf("plan-time errors reached Arize: %v", w.emu.Requests())
			}
			return nil
		},
	})
	accTest(t, steps...)
}

// relayID matches an Arize ID: base64.
var relayID = regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`)
