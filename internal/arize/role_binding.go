package arize

// The role binding as the API answers it, and the bodies that write one.

// RoleBindingResourceType is what a role binding grants its role on. The
// contract gives these values no older spelling, so they are sent and read
// as they are, whatever Spelling the server speaks.
type RoleBindingResourceType string

// The resource types of a role binding: "Only SPACE and PROJECT are
// supported for single-binding CRUD".
const (
	RoleBindingSpace   RoleBindingResourceType = "SPACE"
	RoleBindingProject RoleBindingResourceType = "PROJECT"
)

// RoleBindingResourceTypes lists every RoleBindingResourceType, in the API's
// order.
func RoleBindingResourceTypes() []RoleBindingResourceType {
	return []RoleBindingResourceType{RoleBindingSpace, RoleBindingProject}
}

// RoleBinding grants one role to one user on one space or project. A user
// holds at most one binding per resource; only the role can change.
type RoleBinding struct {
	ID           string                  `json:"id"`
	RoleID       string                  `json:"role_id"`
	UserID       string                  `json:"user_id"`
	ResourceType RoleBindingResourceType `json:"resource_type"`
	ResourceID   string                  `json:"resource_id"`
	CreatedAt    string                  `json:"created_at"`
	UpdatedAt    string                  `json:"updated_at"`
}

// RoleBindingCreateRequest is the body of POST /v2/role-bindings: all four
// members are required.
type RoleBindingCreateRequest struct {
	RoleID       string                  `json:"role_id"`
	UserID       string                  `json:"user_id"`
	ResourceType RoleBindingResourceType `json:"resource_type"`
	ResourceID   string                  `json:"resource_id"`
}

// target describes what in binds, for errors and logs: "user <id> on SPACE
// <id>". A binding has no name; this is what makes it unique.
func (in RoleBindingCreateRequest) target() string {
	return "user " + in.UserID + " on " + string(in.ResourceType) + " " + in.ResourceID
}

// madeAs reports whether got is what creating in makes. The look-up that
// found got matched the user and the resource already: what is left to
// compare is the role, the one thing another binding of the same user and
// resource can differ in.
func (in RoleBindingCreateRequest) madeAs(got *RoleBinding) bool {
	return got.UserID == in.UserID && got.ResourceType == in.ResourceType &&
		got.ResourceID == in.ResourceID && got.RoleID == in.RoleID
}

// roleBindingUpdateRequest is the body of PATCH /v2/role-bindings/{id}:
// "Only role_id is mutable", and it is required.
type roleBindingUpdateRequest struct {
	RoleID string `json:"role_id"`
}
