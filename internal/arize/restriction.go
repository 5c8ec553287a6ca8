package arize

// The resource restriction as the API answers it, and the body that makes
// one.

// RestrictionResourceProject is the one resource type a restriction can
// have: "Only project resources are currently supported". It is spelt
// PROJECT in both of the API's spellings.
const RestrictionResourceProject = "PROJECT"

// ResourceRestriction keeps roles bound above a project (on its space, its
// organization, the account) from reaching it: only roles bound on the
// project itself do. It has no ID of its own: the project's ID is its key,
// and a project has at most one.
type ResourceRestriction struct {
	ResourceType string `json:"resource_type"`
	ResourceID   string `json:"resource_id"`
	CreatedAt    string `json:"created_at"`
}

// restrictRequest is the body of POST /v2/resource-restrictions, whole: the
// API takes no resource_type, which it reads from the ID.
type restrictRequest struct {
	ResourceID string `json:"resource_id"`
}
