package arize

import "slices"

// The role as the API answers it, and the bodies that write one.

// Role is a named set of permissions that role bindings grant to users.
// Predefined roles (Admin, Annotator, ...) come with the account and are
// read-only; custom ones are made through the API. Names are unique within
// the account, predefined roles' included.
type Role struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Description is "" when the role has none: the API leaves the member
	// out of its answer then.
	Description string `json:"description"`
	// Permissions are Permission names. The API's sources do not say
	// whether it keeps their order; treat them as a set.
	Permissions  []string `json:"permissions"`
	IsPredefined bool     `json:"is_predefined"`
	CreatedAt    string   `json:"created_at"`
	UpdatedAt    string   `json:"updated_at"`
}

// RoleCreateRequest is the body of POST /v2/roles. At least one permission
// is required; an empty description is left out, which is none.
type RoleCreateRequest struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Permissions []string `json:"permissions"`
}

// madeAs reports whether got is what creating in makes, so that create
// recovery adopts only a role this create made. Permissions compare as sets:
// the server may answer them in another order, and without duplicates.
func (in RoleCreateRequest) madeAs(got *Role) bool {
	return !got.IsPredefined && got.Name == in.Name && got.Description == in.Description &&
		samePermissions(got.Permissions, in.Permissions)
}

// samePermissions reports whether a and b hold the same names, whatever
// their order and repeats.
func samePermissions(a, b []string) bool {
	return slices.Equal(permissionSet(a), permissionSet(b))
}

// permissionSet is names sorted and without duplicates.
func permissionSet(names []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(names)))
}

// RoleUpdateRequest is the body of PATCH /v2/roles/{id}: only the fields
// that are set are sent. A Null description clears it. Permissions, when
// set, replace the role's whole set.
type RoleUpdateRequest struct {
	Name        Field[string]   `json:"name,omitzero"`
	Description Field[string]   `json:"description,omitzero"`
	Permissions Field[[]string] `json:"permissions,omitzero"`
}

// IsEmpty reports whether the request would send no field.
func (u RoleUpdateRequest) IsEmpty() bool {
	return u.Name.IsZero() && u.Description.IsZero() && u.Permissions.IsZero()
}
