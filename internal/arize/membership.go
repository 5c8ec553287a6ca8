package arize

// Memberships: a user's role in an organization or a space, and the values
// a role takes. The API can add (or change) and remove a membership, but
// cannot read one back: there is no GET and no list of members.

// RoleAssignmentType says whether a role is one of Arize's predefined roles
// or a custom one, in either spelling (see Spelling).
type RoleAssignmentType string

// The role assignment types, in today's spelling.
const (
	RoleAssignmentPredefined RoleAssignmentType = "PREDEFINED"
	RoleAssignmentCustom     RoleAssignmentType = "CUSTOM"
)

// PredefinedRole is one of Arize's predefined organization or space roles,
// in either spelling.
type PredefinedRole string

// The predefined roles, in today's spelling.
const (
	RoleAdmin     PredefinedRole = "ADMIN"
	RoleMember    PredefinedRole = "MEMBER"
	RoleReadOnly  PredefinedRole = "READ_ONLY"
	RoleAnnotator PredefinedRole = "ANNOTATOR"
)

// PredefinedRoles lists every PredefinedRole in today's spelling.
func PredefinedRoles() []PredefinedRole {
	return append([]PredefinedRole(nil), predefinedRoleSpellings.today...)
}

// Canonical is r in today's spelling (r itself when unknown).
func (r PredefinedRole) Canonical() PredefinedRole { return predefinedRoleSpellings.canon(r) }

// RoleAssignment is a membership's role: a predefined one by Name, or a
// custom one by ID. The API answers a custom role's name too; it ignores one
// sent.
type RoleAssignment struct {
	Type RoleAssignmentType `json:"type"`
	Name PredefinedRole     `json:"name,omitempty"`
	ID   string             `json:"id,omitempty"`
}

// Predefined is the assignment of predefined role r.
func Predefined(r PredefinedRole) RoleAssignment {
	return RoleAssignment{Type: RoleAssignmentPredefined, Name: r}
}

// Custom is the assignment of the custom role whose ID is id.
func Custom(id string) RoleAssignment { return RoleAssignment{Type: RoleAssignmentCustom, ID: id} }

// in is the assignment as spelling sp writes it. A custom role's name is
// left out: the API ignores it on input.
func (r RoleAssignment) in(sp Spelling) RoleAssignment {
	out := RoleAssignment{Type: roleAssignmentTypeSpellings.in(r.Type, sp), ID: r.ID}
	if r.Name != "" && r.ID == "" {
		out.Name = predefinedRoleSpellings.in(r.Name, sp)
	}
	return out
}

// OrganizationMembership is a user's role in an organization, as the API
// answers an add.
type OrganizationMembership struct {
	ID             string         `json:"id"`
	UserID         string         `json:"user_id"`
	OrganizationID string         `json:"organization_id"`
	Role           RoleAssignment `json:"role"`
}

// SpaceMembership is a user's role in a space, as the API answers an add.
type SpaceMembership struct {
	ID      string         `json:"id"`
	UserID  string         `json:"user_id"`
	SpaceID string         `json:"space_id"`
	Role    RoleAssignment `json:"role"`
}

// membershipRequest is the body of an add: the user and the role.
type membershipRequest struct {
	UserID string         `json:"user_id"`
	Role   RoleAssignment `json:"role"`
}
