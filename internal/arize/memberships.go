package arize

import (
	"context"
	"net/http"
	"net/url"
)

// The membership endpoints of the API. An add is an upsert (it sets the role
// of a user who is a member already), so sending it twice does what sending
// it once does, and it is retried like a PATCH.

func organizationUserPath(orgID, userID string) string {
	return organizationPath(orgID) + "/users/" + url.PathEscape(userID)
}

func spaceUserPath(spaceID, userID string) string {
	return spacePath(spaceID) + "/users/" + url.PathEscape(userID)
}

// SetOrganizationMember makes userID a member of organization orgID with
// role, or changes the role of a member. Arize supports only predefined
// organization roles.
func (c *Client) SetOrganizationMember(ctx context.Context, orgID, userID string, role RoleAssignment) (*OrganizationMembership, error) {
	out, err := setMember[OrganizationMembership](ctx, c, organizationPath(orgID)+"/users", userID, role)
	if out != nil {
		c.spelling.learnFromRole(&out.Role)
	}
	return out, err
}

// RemoveOrganizationMember removes userID from organization orgID and, in
// Arize, from every space of it. A user who is not a member is an error for
// which IsNotFound is true.
func (c *Client) RemoveOrganizationMember(ctx context.Context, orgID, userID string) error {
	return deleteObject(ctx, c, organizationUserPath(orgID, userID))
}

// SetSpaceMember makes userID, who must be a member of the space's
// organization, a member of space spaceID with role, or changes the role of
// a member.
func (c *Client) SetSpaceMember(ctx context.Context, spaceID, userID string, role RoleAssignment) (*SpaceMembership, error) {
	out, err := setMember[SpaceMembership](ctx, c, spacePath(spaceID)+"/users", userID, role)
	if out != nil {
		c.spelling.learnFromRole(&out.Role)
	}
	return out, err
}

// RemoveSpaceMember removes userID from space spaceID, with any role binding
// the user has on it. A user who is not a member is an error for which
// IsNotFound is true.
func (c *Client) RemoveSpaceMember(ctx context.Context, spaceID, userID string) error {
	return deleteObject(ctx, c, spaceUserPath(spaceID, userID))
}

// setMember POSTs the upsert of userID's role to path (an organization's or
// a space's users), with the role in the server's spelling.
func setMember[T any](ctx context.Context, c *Client, path, userID string, role RoleAssignment) (*T, error) {
	return writeSpelt(ctx, c, func(sp Spelling) (*T, error) {
		var out T
		err := c.do(ctx, call{
			method: http.MethodPost, path: path, body: membershipRequest{UserID: userID, Role: role.in(sp)},
			want: http.StatusOK, out: &out, retry: idempotent,
		})
		if err != nil {
			return nil, err
		}
		return &out, nil
	})
}
