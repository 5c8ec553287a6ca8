package arize

// The organization as the API answers it, and the bodies that write one.

// Organization is a top-level container of an account: it groups spaces and
// their access. Its name is unique within the account.
type Organization struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CreatedAt   string `json:"created_at"`
}

// OrganizationCreateRequest is the body of POST /v2/organizations. An empty
// description is left out: the API's default is "".
type OrganizationCreateRequest struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// madeAs reports whether got is what creating in makes, so that create
// recovery adopts only an organization this create made.
func (in OrganizationCreateRequest) madeAs(got *Organization) bool {
	return got.Name == in.Name && got.Description == in.Description
}

// OrganizationUpdateRequest is the body of PATCH /v2/organizations/{id}: only
// the fields that are set are sent. A Null description clears it (the API
// reads it back as "").
type OrganizationUpdateRequest struct {
	Name        Field[string] `json:"name,omitzero"`
	Description Field[string] `json:"description,omitzero"`
}

// IsEmpty reports whether the request would send no field.
func (u OrganizationUpdateRequest) IsEmpty() bool { return u.Name.IsZero() && u.Description.IsZero() }
