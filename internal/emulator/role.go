package emulator

import (
	"encoding/base64"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is a role of the account: a named set of permissions. Predefined
// roles are seeded, read-only through the API, and named "Admin", "Member",
// "Read Only" and "Annotator" here (the contract shows "Annotator"; the
// other names and all permission sets but the annotator's are the
// emulator's invention). Permissions are held sorted and without
// duplicates, as a set; Description "" is unset (left out of answers).
type Role struct {
	ID           string
	Name         string
	Description  string
	Permissions  []string
	IsPredefined bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (r Role) clone() Role {
	r.Permissions = slices.Clone(r.Permissions)
	return r
}

// permissionActions are the Permission enum of the contract (132 values,
// GO SDK v0.22.0): {RESOURCE}_{ACTION}.
var permissionActions = []struct {
	actions   []string
	resources []string
}{
	{[]string{"READ"}, []string{"AI_PROVIDER"}},
	{[]string{"RUN"}, []string{"ALYX", "PLAYGROUND"}},
	{[]string{"CREATE", "DELETE", "READ", "UPDATE"}, []string{
		"ANNOTATION_CONFIG", "CUSTOM_METRIC", "DASHBOARD", "DATASET", "DATASET_VIEW",
		"DATA_FABRIC_CONNECTOR", "EVALUATOR", "EXPERIMENT", "EXPERIMENT_EVAL_TASK", "FILE_IMPORT",
		"MANAGED_AGENT", "ML_MODEL", "ORGANIZATION", "PLAYGROUND_VIEW", "PROJECT_EVAL_TASK", "PROMPT",
		"PROMPT_OPTIMIZE_TASK", "QUEUE", "REMOTE_ENDPOINT_INTEGRATION", "SPACE", "TAG", "TRACE_VIEW", "USER",
	}},
	{[]string{"ANNOTATE", "CREATE", "DELETE", "READ", "UPDATE"}, []string{"DATASET_EXAMPLE", "PROJECT_SPAN", "QUEUE_RECORD"}},
	{[]string{"ANNOTATE", "READ"}, []string{"EXPERIMENT_RUN"}},
	{[]string{"CREATE", "DELETE", "UPDATE"}, []string{"LLM_INTEGRATION"}},
	{[]string{"CREATE", "DELETE", "READ", "TRIGGER", "UPDATE"}, []string{"MONITOR"}},
	{[]string{"CREATE", "DELETE", "READ", "RESTRICT", "UPDATE"}, []string{"PROJECT"}},
	{[]string{"CREATE", "DELETE", "READ"}, []string{"ROLE_BINDING"}},
	{[]string{"CREATE", "READ", "REVOKE"}, []string{"SERVICE_KEY"}},
	{[]string{"UPDATE"}, []string{"USER_PERMISSION"}},
}

// Permissions returns the Permission enum the emulator knows without
// Options.ExtraPermissions, sorted: the 132 values of the contract.
func Permissions() []string {
	var out []string
	for _, g := range permissionActions {
		for _, r := range g.resources {
			for _, a := range g.actions {
				out = append(out, r+"_"+a)
			}
		}
	}
	slices.Sort(out)
	return out
}

// predefinedRoles are seeded by New, in this order, with fixed ids:
// base64("Role:1:admin") is the GO SDK example's.
func predefinedRoles() []Role {
	all := Permissions()
	var member, readOnly []string
	for _, p := range all {
		if strings.HasSuffix(p, "_READ") {
			readOnly = append(readOnly, p)
		}
		if !strings.HasPrefix(p, "USER_") && !strings.HasPrefix(p, "ROLE_BINDING_") &&
			!strings.HasPrefix(p, "ORGANIZATION_") && !strings.HasPrefix(p, "SERVICE_KEY_") {
			member = append(member, p)
		}
	}
	id := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	return []Role{
		{ID: id("Role:1:admin"), Name: "Admin", Description: "Full access to the account.", Permissions: all},
		{ID: id("Role:2:member"), Name: "Member", Description: "Works in the account's spaces.", Permissions: member},
		{ID: id("Role:3:readOnly"), Name: "Read Only", Description: "Reads everything, changes nothing.", Permissions: readOnly},
		{ID: id("Role:4:annotator"), Name: "Annotator", Description: "Annotates queued records.",
			Permissions: []string{"QUEUE_READ", "QUEUE_RECORD_ANNOTATE", "QUEUE_RECORD_READ"}},
	}
}

func roleNotFound(id string) *Problem { return notFound("role %q not found", id) }

func roleNameConflict(name string) *Problem {
	return conflict("name: a role named %q already exists in the account", name)
}

// predefinedReadOnly answers a write to a predefined role. The sources
// disagree between 400 (GO README: "server returns 400") and 403 (the GO
// SDK's test mock); the emulator takes 400, the documented server answer.
func predefinedReadOnly(id string) *Problem {
	return badRequest("role %q is predefined: predefined roles cannot be updated or deleted", id)
}

// knownPermission reports whether the server knows a permission name: the
// contract's enum or Options.ExtraPermissions.
func (s *Server) knownPermission(p string) bool {
	_, ok := s.permissions[p]
	return ok
}

// checkRoleValues validates a role as POST and PATCH (on the patched
// result) require: a non-blank name of at most 255 characters, a
// description of at most 1000, and at least one permission, each known.
// An unknown permission is a 422: the server validates its own enum, which
// may be newer or older than a client's. Permissions come back normalised.
func (s *Server) checkRoleValues(r *Role) *Problem {
	switch {
	case strings.TrimSpace(r.Name) == "":
		return invalid("name is required and must not be blank")
	case utf8.RuneCountInString(r.Name) > maxNameChars:
		return invalid("name must be at most %d characters", maxNameChars)
	case utf8.RuneCountInString(r.Description) > maxDescriptionChars:
		return invalid("description must be at most %d characters", maxDescriptionChars)
	case len(r.Permissions) == 0:
		return invalid("permissions must contain at least one valid permission identifier")
	}
	for _, p := range r.Permissions {
		if !s.knownPermission(p) {
			return invalid("permissions: %q is not a valid permission identifier", p)
		}
	}
	r.Permissions = slices.Compact(slices.Sorted(slices.Values(r.Permissions)))
	return nil
}

// createRole validates r and stores it with a fresh id and times. Names are
// unique in the account among live roles, predefined included, compared
// exactly.
func (s *Server) createRole(r Role) (Role, *Problem) {
	r = r.clone()
	if p := s.checkRoleValues(&r); p != nil {
		return Role{}, p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.storeRoleLocked(r)
}

func (s *Server) storeRoleLocked(r Role) (Role, *Problem) {
	if _, taken := s.roleNames[r.Name]; taken {
		return Role{}, roleNameConflict(r.Name)
	}
	seq := s.roles.next()
	if r.ID == "" || s.hasRoleLocked(r.ID) {
		r.ID = newID(typeRole, seq)
	}
	now := s.now()
	if r.CreatedAt.IsZero() {
		r.CreatedAt = now
	}
	r.UpdatedAt = now
	s.roles.add(seq, r.ID, r)
	s.roleNames[r.Name] = r.ID
	return r.clone(), nil
}

func (s *Server) hasRoleLocked(id string) bool {
	_, ok := s.roles.get(id)
	return ok
}

// updateRole applies change to a copy of a custom role and commits it only
// if valid with its name still unique: a failed update changes nothing.
func (s *Server) updateRole(id string, change func(*Role)) (Role, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	before, ok := s.roles.get(id)
	switch {
	case !ok:
		return Role{}, roleNotFound(id)
	case before.IsPredefined:
		return Role{}, predefinedReadOnly(id)
	}
	next := before.clone()
	change(&next)
	if p := s.checkRoleValues(&next); p != nil {
		return Role{}, p
	}
	if holder, taken := s.roleNames[next.Name]; taken && holder != id {
		return Role{}, roleNameConflict(next.Name)
	}
	next.UpdatedAt = s.now()
	delete(s.roleNames, before.Name)
	s.roleNames[next.Name] = id
	s.roles.set(id, next)
	return next.clone(), nil
}

func (s *Server) getRole(id string) (Role, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.roles.get(id)
	return r.clone(), ok
}

// removeRoleLocked deletes a role (the API's "soft-delete": it is gone from
// every answer and its name is free again) with the bindings that grant it,
// which the contract leaves unsaid: a binding of a deleted role grants
// nothing, so the emulator ends it.
func (s *Server) removeRoleLocked(id string) bool {
	r, ok := s.roles.get(id)
	if !ok {
		return false
	}
	s.removeBindingsLocked(func(b *RoleBinding) bool { return b.RoleID == id })
	delete(s.roleNames, r.Name)
	s.roles.remove(id)
	return true
}

// PutRole stores a new role directly, as if made outside Terraform, with
// the validation of POST (a *Problem: 422, or 409 for a name taken). An
// empty ID is assigned; IsPredefined may be set to add a predefined role.
// It bypasses HTTP and is not counted.
func (s *Server) PutRole(r Role) (Role, error) {
	out, p := s.createRole(r)
	if p != nil {
		return Role{}, p
	}
	return out, nil
}

// Role returns the stored role with this id, predefined ones too.
func (s *Server) Role(id string) (Role, bool) { return s.getRole(id) }

// Roles returns the stored roles, the predefined first, in creation order.
func (s *Server) Roles() []Role {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.roles.all()
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}

// RemoveRole deletes a role, predefined or not, as if done outside
// Terraform, with the bindings that grant it, and reports whether it
// existed.
func (s *Server) RemoveRole(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.removeRoleLocked(id)
}
