package provider

import (
	"fmt"
	"regexp"
	"strings"
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

const userKeyAddr = "arize_user_api_key.test"

// The emulator's own key acts as this user, who owns the user keys the
// provider makes.
const emulatorKeyUser = "VXNlcjoxOm5OYkM="

func userKeyAttr(name string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(userKeyAddr, tfjsonpath.New(name), v)
}

// userKeyBlock is the block of arize_user_api_key.test with the attributes
// lines.
func userKeyBlock(lines ...string) string {
	return "resource \"arize_user_api_key\" \"test\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// userKeyHCL is a configuration of arize_user_api_key.test alone.
func userKeyHCL(env *accEnv, lines ...string) string { return env.config(userKeyBlock(lines...)) }

func expectUserKeyAction(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(userKeyAddr, action)}}
}

var (
	secretPattern   = regexp.MustCompile(`^ak-[A-Za-z0-9]{40}$`)
	redactedPattern = regexp.MustCompile(`^ak-[A-Za-z0-9]{3}\.\.\.[A-Za-z0-9]{3}$`)
)

// TestAccUserAPIKey_lifecycle makes a key (one POST, its answer the state),
// refreshes state (pages of the list only), rotates it (one refresh: same
// ID, a new secret that works, the old one dead), removes rotation (nothing
// sent), and destroys it (one revoke: the secret dead).
func TestAccUserAPIKey_lifecycle(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	secrets := &keySecrets{env: env, addr: userKeyAddr}
	sameID := statecheck.CompareValue(compare.ValuesSame())
	reset := func() { emu.ResetCounters() }
	base := []string{`name = "laptop"`, `description = "Notebooks on Erin's laptop"`, `expires_at = "2030-01-01T01:00:00+01:00"`}
	accTest(t,
		resource.TestStep{
			Config:           userKeyHCL(env, base...),
			ConfigPlanChecks: expectUserKeyAction(plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(userKeyAddr, tfjsonpath.New("id")),
				// Create is one POST whose answer is the state: no read after it.
				keyWrites(emu, 1, 0, 0),
				expectRequests(emu, map[string]int{routeKeyList: 0}),
				userKeyAttr("id", knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9+/]+=*$`))),
				userKeyAttr("name", knownvalue.StringExact("laptop")),
				userKeyAttr("description", knownvalue.StringExact("Notebooks on Erin's laptop")),
				// The configuration's spelling of the instant Arize keeps in UTC.
				userKeyAttr("expires_at", knownvalue.StringExact("2030-01-01T01:00:00+01:00")),
				userKeyAttr("key", knownvalue.StringRegexp(secretPattern)),
				userKeyAttr("redacted_key", knownvalue.StringRegexp(redactedPattern)),
				userKeyAttr("status", knownvalue.StringExact("ACTIVE")),
				userKeyAttr("created_at", knownvalue.StringRegexp(rfc3339Millis)),
				userKeyAttr("created_by_user_id", knownvalue.StringExact(emulatorKeyUser)),
				userKeyAttr("rotation", knownvalue.Null()),
				sensitiveInState{addr: userKeyAddr, attr: "key"},
				exampleStored{check: func() error {
					if n := activeKeys(emu, "USER"); n != 1 {
						return fmt.Errorf("the emulator holds %d active user keys, want 1", n)
					}
					return nil
				}},
			},
			Check: secrets.capture,
		},
		resource.TestStep{
			// Read is pages of the list, and nothing else.
			PreConfig:    reset,
			RefreshState: true,
			Check:        func(*terraform.State) error { return onlyKeyListPages(emu, 1) },
		},
		resource.TestStep{
			PreConfig:        reset,
			Config:           userKeyHCL(env, append(base, `rotation = "2026-12"`)...),
			ConfigPlanChecks: expectUserKeyRotation(),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(userKeyAddr, tfjsonpath.New("id")),
				keyWrites(emu, 0, 1, 0),
				userKeyAttr("rotation", knownvalue.StringExact("2026-12")),
				userKeyAttr("key", knownvalue.StringRegexp(secretPattern)),
				userKeyAttr("expires_at", knownvalue.StringExact("2030-01-01T01:00:00+01:00")),
			},
			Check: func(s *terraform.State) error {
				if err := secrets.capture(s); err != nil {
					return err
				}
				if secrets.byStep[0] == secrets.latest() {
					return fmt.Errorf("the rotation kept the secret")
				}
				return secrets.noneLiveBut(secrets.latest())
			},
		},
		resource.TestStep{
			// Removing rotation stops rotations: nothing but the plan's
			// refresh reaches Arize, and the secret stays.
			PreConfig:        reset,
			Config:           userKeyHCL(env, base...),
			ConfigPlanChecks: expectUserKeyAction(plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(userKeyAddr, tfjsonpath.New("id")),
				keyWrites(emu, 0, 0, 0),
				userKeyAttr("rotation", knownvalue.Null()),
			},
			Check: func(s *terraform.State) error {
				if key, _ := keyStateAttr(s, userKeyAddr, "key"); key != secrets.latest() {
					return fmt.Errorf("removing rotation changed the secret")
				}
				return onlyKeyListPages(emu, 1)
			},
		},
		resource.TestStep{
			// The same expiry spelt otherwise is no change.
			PreConfig: reset,
			Config:    userKeyHCL(env, `name = "laptop"`, `description = "Notebooks on Erin's laptop"`, `expires_at = "2030-01-01T00:00:00.000Z"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userKeyAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{keyWrites(emu, 0, 0, 0)},
		},
		resource.TestStep{
			// Destroy is one revoke: the key stops working.
			PreConfig:        reset,
			Config:           env.config(""),
			ConfigPlanChecks: expectUserKeyAction(plancheck.ResourceActionDestroy),
			ConfigStateChecks: []statecheck.StateCheck{
				keyWrites(emu, 0, 0, 1),
				exampleStored{check: func() error { return secrets.noneLiveBut("") }},
			},
		},
	)
}

// expectUserKeyRotation checks a plan that rotates the key in place: an
// update, the secret, its redacted form and its issue time known only
// after the apply, the ID kept.
func expectUserKeyRotation() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(userKeyAddr, plancheck.ResourceActionUpdate),
		plancheck.ExpectUnknownValue(userKeyAddr, tfjsonpath.New("key")),
		plancheck.ExpectSensitiveValue(userKeyAddr, tfjsonpath.New("key")),
		plancheck.ExpectUnknownValue(userKeyAddr, tfjsonpath.New("redacted_key")),
		plancheck.ExpectUnknownValue(userKeyAddr, tfjsonpath.New("created_at")),
		plancheck.ExpectKnownValue(userKeyAddr, tfjsonpath.New("id"), knownvalue.NotNull()),
		plancheck.ExpectKnownValue(userKeyAddr, tfjsonpath.New("status"), knownvalue.StringExact("ACTIVE")),
	}}
}

// TestAccUserAPIKey_replacedOnChange: a new name, which Arize cannot change,
// replaces the key: a new ID and secret, and the old key revoked.
func TestAccUserAPIKey_replacedOnChange(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	secrets := &keySecrets{env: env, addr: userKeyAddr}
	newID := statecheck.CompareValue(compare.ValuesDiffer())
	accTest(t,
		resource.TestStep{
			Config:            userKeyHCL(env, `name = "first"`),
			ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(userKeyAddr, tfjsonpath.New("id"))},
			Check:             secrets.capture,
		},
		resource.TestStep{
			PreConfig:         emu.ResetCounters,
			Config:            userKeyHCL(env, `name = "second"`),
			ConfigPlanChecks:  expectUserKeyAction(plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(userKeyAddr, tfjsonpath.New("id")), keyWrites(emu, 1, 0, 1)},
			Check: func(s *terraform.State) error {
				if err := secrets.capture(s); err != nil {
					return err
				}
				return secrets.noneLiveBut(secrets.latest())
			},
		},
	)
}

// TestAccUserAPIKey_goneOutside: a key revoked outside Terraform, or
// expired, is dropped by the refresh, and the plan makes a new one.
func TestAccUserAPIKey_goneOutside(t *testing.T) {
	for name, end := range map[string]func(*emulator.Server, string) bool{
		"revoked": (*emulator.Server).RevokeAPIKey,
		"expired": (*emulator.Server).ExpireAPIKey,
	} {
		t.Run(name, func(t *testing.T) {
			env := newAccEnv(t)
			emu := env.emulator(t)
			secrets := &keySecrets{env: env, addr: userKeyAddr}
			newID := statecheck.CompareValue(compare.ValuesDiffer())
			config := userKeyHCL(env, `name = "ci"`)
			accTest(t,
				resource.TestStep{
					Config:            config,
					ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(userKeyAddr, tfjsonpath.New("id"))},
					Check:             secrets.capture,
				},
				resource.TestStep{
					PreConfig: func() {
						for _, k := range emu.APIKeys() {
							if !end(emu, k.ID) {
								t.Fatalf("no key %s", k.ID)
							}
						}
						emu.ResetCounters()
					},
					Config:           config,
					ConfigPlanChecks: expectUserKeyAction(plancheck.ResourceActionCreate),
					ConfigStateChecks: []statecheck.StateCheck{
						newID.AddStateValue(userKeyAddr, tfjsonpath.New("id")),
						keyWrites(emu, 1, 0, 0),
						exampleStored{check: func() error {
							if n := activeKeys(emu, "USER"); n != 1 {
								return fmt.Errorf("the emulator holds %d working user keys, want the new one", n)
							}
							return nil
						}},
					},
					Check: secrets.capture,
				},
			)
		})
	}
}

// TestAccUserAPIKey_unseen: a key the provider's identity cannot see, in
// neither its active nor its revoked keys (its API key is now another
// user's), is an error, not a revoked key: it stays in state, and nothing
// is made. With the first user's key again, the plan is empty.
func TestAccUserAPIKey_unseen(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	// A key of another user: the provider's API key in the second step.
	_, theirs, err := emu.PutAPIKey(emulator.APIKey{KeyType: "USER", Name: "theirs", CreatedByUserID: "VXNlcjo5OnNvbWVvbmU="})
	if err != nil {
		t.Fatal(err)
	}
	block := userKeyBlock(`name = "ci"`)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	accTest(t,
		resource.TestStep{
			Config:            env.config(block),
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(userKeyAddr, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig:   emu.ResetCounters,
			Config:      fmt.Sprintf("provider \"arize\" {\n  endpoint = %q\n  api_key  = %q\n}\n\n%s", env.endpoint, theirs, block),
			ExpectError: regexp.MustCompile(`cannot see the user API key`),
		},
		resource.TestStep{
			PreConfig:        emu.ResetCounters,
			Config:           env.config(block),
			ConfigPlanChecks: expectUserKeyAction(plancheck.ResourceActionNoop),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(userKeyAddr, tfjsonpath.New("id")),
				keyWrites(emu, 0, 0, 0),
				exampleStored{check: func() error {
					if n := len(emu.APIKeys()); n != 2 {
						return fmt.Errorf("the emulator holds %d keys, want theirs and the one made", n)
					}
					return nil
				}},
			},
		},
	)
}

// TestAccUserAPIKey_unknownOutcome: a create whose answer is lost after
// Arize made the key mints no second key: the key is found by listing and
// rotated once, so state ends with a secret that works.
func TestAccUserAPIKey_unknownOutcome(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	secrets := &keySecrets{env: env, addr: userKeyAddr}
	accTest(t, resource.TestStep{
		PreConfig: func() { emu.DropNext(1, true) },
		Config:    userKeyHCL(env, `name = "lost answer"`, `expires_at = "2031-06-01T00:00:00Z"`),
		ConfigStateChecks: []statecheck.StateCheck{
			keyWrites(emu, 1, 1, 0),
			exampleStored{check: func() error {
				if n := len(emu.APIKeys()); n != 1 {
					return fmt.Errorf("the emulator holds %d keys, want exactly 1", n)
				}
				return nil
			}},
			userKeyAttr("key", knownvalue.StringRegexp(secretPattern)),
		},
		Check: secrets.capture,
	})
}

// TestAccUserAPIKey_import imports a key made outside Terraform by its ID:
// all but the secret, which Arize never answers again, is read, and the
// plan is empty. Setting rotation then rotates it, and the secret is known.
func TestAccUserAPIKey_import(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made, _, err := emu.PutAPIKey(emulator.APIKey{KeyType: "USER", Name: "made by hand", Description: "d", CreatedByUserID: emulatorKeyUser})
	if err != nil {
		t.Fatal(err)
	}
	block := []string{`name = "made by hand"`, `description = "d"`}
	secrets := &keySecrets{env: env, addr: userKeyAddr}
	accTest(t,
		resource.TestStep{
			Config:        userKeyHCL(env, block...),
			ResourceName:  userKeyAddr,
			ImportState:   true,
			ImportStateId: made.ID,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 {
					return fmt.Errorf("imported %d states", len(states))
				}
				a := states[0].Attributes
				if a["id"] != made.ID || a["name"] != "made by hand" || a["description"] != "d" || a["key"] != "" ||
					a["status"] != "ACTIVE" || a["redacted_key"] != made.RedactedKey || a["created_by_user_id"] != emulatorKeyUser {
					return fmt.Errorf("imported %v", a)
				}
				return nil
			},
		},
		resource.TestStep{
			PreConfig: emu.ResetCounters,
			Config:    env.config(fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", userKeyAddr, made.ID) + userKeyBlock(block...)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userKeyAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				userKeyAttr("id", knownvalue.StringExact(made.ID)),
				userKeyAttr("key", knownvalue.Null()),
				keyWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The first rotation of an imported key gives Terraform a
			// secret, in place.
			PreConfig:         emu.ResetCounters,
			Config:            userKeyHCL(env, append(block, `rotation = "1"`)...),
			ConfigPlanChecks:  expectUserKeyRotation(),
			ConfigStateChecks: []statecheck.StateCheck{userKeyAttr("id", knownvalue.StringExact(made.ID)), keyWrites(emu, 0, 1, 0)},
			Check:             secrets.capture,
		},
	)
}

// TestAccUserAPIKey_importByIdentity imports a key by its resource
// identity, which needs Terraform 1.12.
func TestAccUserAPIKey_importByIdentity(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	made, _, err := emu.PutAPIKey(emulator.APIKey{KeyType: "USER", Name: "by identity", CreatedByUserID: emulatorKeyUser})
	if err != nil {
		t.Fatal(err)
	}
	block := userKeyBlock(`name = "by identity"`)
	accTestFrom(t, tfversion.Version1_12_0,
		resource.TestStep{
			Config: env.config(fmt.Sprintf("import {\n  to = %s\n  identity = {\n    id = %q\n  }\n}\n", userKeyAddr, made.ID) + block),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(userKeyAddr, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectIdentity(userKeyAddr, map[string]knownvalue.Check{"id": knownvalue.StringExact(made.ID)}),
				statecheck.ExpectIdentityValueMatchesState(userKeyAddr, tfjsonpath.New("id")),
				userKeyAttr("key", knownvalue.Null()),
				keyWrites(emu, 0, 0, 0),
			},
		},
		resource.TestStep{
			// The framework's own identity import, from the state above.
			Config:          env.config(block),
			ResourceName:    userKeyAddr,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		},
	)
}

// TestAccUserAPIKey_invalidConfig: what Arize would refuse fails at plan
// time, on the attribute, with no request to Arize.
func TestAccUserAPIKey_invalidConfig(t *testing.T) {
	env := newAccEnv(t)
	emu := env.emulator(t)
	tests := []struct {
		lines  []string
		expect string
	}{
		{[]string{`name = "  "`}, `Blank value`},
		{[]string{`name = ""`}, `Attribute name UTF-8 character count must be between 1 and 256`},
		{[]string{`name = "n"`, `description = ""`}, `Attribute description UTF-8 character count must be between 1 and 1000`},
		{[]string{`name = "n"`, `expires_at = "next year"`}, `Invalid date-time[\s\S]*"next year" is not an RFC 3339 date-time`},
		{[]string{`name = "n"`, `expires_at = "2020-01-01T00:00:00Z"`}, `API key expiry in the past[\s\S]*expires_at is 2020-01-01T00:00:00Z`},
	}
	var steps []resource.TestStep
	for _, tt := range tests {
		steps = append(steps, resource.TestStep{
			Config:      userKeyHCL(env, tt.lines...),
			PlanOnly:    true,
			ExpectError: wrappedRegexp(tt.expect),
		})
	}
	steps = append(steps, resource.TestStep{
		Config: env.config(""),
		Check: func(*terraform.State) error {
			if n := emu.Total(); n != 0 {
				return fmt.Errorf("plan-time errors reached Arize: %v", emu.Requests())
			}
			return nil
		},
	})
	accTest(t, steps...)
}
