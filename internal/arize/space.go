package arize

// The space as the API answers it, and the bodies that write one.

// Space is a container within an organization for projects, datasets,
// evaluators and the like. Its name is unique within its organization. The
// API's answer does not say which organization that is: only a list
// filtered by org_id tells (see FindSpaceOrganization).
type Space struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	CreatedAt   string `json:"created_at"`
	// IsPrivate: only the space's members and admins see a private space.
	IsPrivate bool `json:"is_private"`
}

// SpaceCreateRequest is the body of POST /v2/spaces. IsPrivate is always
// sent, so that what is made does not hang on the API's default.
type SpaceCreateRequest struct {
	Name           string `json:"name"`
	OrganizationID string `json:"organization_id"`
	Description    string `json:"description,omitempty"`
	IsPrivate      bool   `json:"is_private"`
}

// madeAs reports whether got is what creating in makes. The answer carries
// no organization: the look-up that found got was scoped to in's.
func (in SpaceCreateRequest) madeAs(got *Space) bool {
	return got.Name == in.Name && got.Description == in.Description && got.IsPrivate == in.IsPrivate
}

// SpaceUpdateRequest is the body of PATCH /v2/spaces/{id}. A space cannot
// move to another organization.
type SpaceUpdateRequest struct {
	Name        Field[string] `json:"name,omitzero"`
	Description Field[string] `json:"description,omitzero"`
	IsPrivate   Field[bool]   `json:"is_private,omitzero"`
}

// IsEmpty reports whether the request would send no field.
func (u SpaceUpdateRequest) IsEmpty() bool {
	return u.Name.IsZero() && u.Description.IsZero() && u.IsPrivate.IsZero()
}
