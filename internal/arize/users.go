package arize

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// The user endpoints of the API. Every answer is read in today's spelling
// (User.canonical), after the server's spelling has been learnt from it.

const (
	usersPath  = "/v2/users"
	usersField = "users"
)

func userPath(id string) string { return usersPath + "/" + url.PathEscape(id) }

// CreateUser makes a user, or adopts the pending invitation of its email,
// and says which it did. The role goes out in the server's spelling (see
// writeSpelt).
//
// The email is the API's idempotency key, yet a create is not safe to send
// twice: a user the first try made with InviteNone is ACTIVE at once, so
// the second answers 409, and a second answer never carries the first's
// temporary password. So when a try's outcome is unknown the email is
// looked up instead (see Client.do): a user of the same name (as the
// server trims it) and role is adopted, with Outcome UserRecovered and no
// password; one made otherwise is an error wrapping errOtherOwner.
func (c *Client) CreateUser(ctx context.Context, in UserCreateRequest) (*UserCreated, error) {
	return writeSpelt(ctx, c, func(sp Spelling) (*UserCreated, error) { return c.createUser(ctx, in, sp) })
}

// createUser sends in, spelt as sp, wanting 201 (a new user) or 200 (a
// pending invitation adopted).
func (c *Client) createUser(ctx context.Context, in UserCreateRequest, sp Spelling) (*UserCreated, error) {
	var answer createUserAnswer
	var status int
	var recovered *User
	findCreated := func(ctx context.Context) (bool, error) {
		found, err := c.findCreatedUser(ctx, in)
		if found == nil || err != nil {
			return false, err
		}
		c.log.Debug(ctx, "Arize API create recovered: the user was made, its answer lost", map[string]any{"path": usersPath, "id": found.ID})
		recovered = found
		return true, nil
	}
	err := c.do(ctx, call{
		method: http.MethodPost, path: usersPath, body: in.in(sp),
		want: http.StatusCreated, alsoWant: http.StatusOK, gotStatus: &status, out: &answer,
		retry: createOnce(in.Email, findCreated),
	})
	if err != nil {
		return nil, err
	}
	if recovered != nil {
		return &UserCreated{User: *recovered, Outcome: UserRecovered}, nil
	}
	c.learnUser(&answer.User)
	out := &UserCreated{User: answer.User, Outcome: UserAdoptedInvitation}
	if status == http.StatusCreated {
		// Only a 201 makes a user, so only a 201's password is one: a 200
		// is the invitation as it was, and its password went to whoever
		// made it.
		out.Outcome, out.InviteMode, out.TemporaryPassword = UserCreatedNew, answer.InviteMode, answer.TemporaryPassword
	}
	return out, nil
}

// findCreatedUser looks for the user an earlier POST of in may have made:
// nil if its email has none, an error wrapping errOtherOwner if the email's
// user has another name or role than in asks.
func (c *Client) findCreatedUser(ctx context.Context, in UserCreateRequest) (*User, error) {
	found, err := c.FindUserByEmail(ctx, in.Email)
	if err != nil || found == nil {
		return nil, err
	}
	if !in.madeAs(found) {
		return nil, fmt.Errorf("%w: the user with email %q (id %s) has another name or role than this create asks", errOtherOwner, found.Email, found.ID)
	}
	return found, nil
}

// GetUser reads one user; a missing one (or, in the emulator, a deleted one)
// is an error for which IsNotFound is true.
func (c *Client) GetUser(ctx context.Context, id string) (*User, error) {
	out, err := getObject[User](ctx, c, userPath(id))
	if out != nil {
		c.learnUser(out)
	}
	return out, err
}

// UpdateUser changes the fields set in in with one PATCH. The API trims the
// name; a blank one is a 400.
func (c *Client) UpdateUser(ctx context.Context, id string, in UserUpdateRequest) (*User, error) {
	out, err := patchObject[User](ctx, c, userPath(id), in)
	if out != nil {
		c.learnUser(out)
	}
	return out, err
}

// DeleteUser deletes a user, which in Arize blocks the email for ever and
// ends the user's memberships, role bindings and API keys. A missing one is
// an error for which IsNotFound is true.
func (c *Client) DeleteUser(ctx context.Context, id string) error {
	return deleteObject(ctx, c, userPath(id))
}

// UserListOptions filters the user list as the API does. Email matches a
// case-insensitive substring. Statuses keeps users in any of them (in either
// spelling; they go out in the server's); none lists ACTIVE, INVITED and
// EXPIRED users, the API's default.
type UserListOptions struct {
	Email    string
	Statuses []UserStatus
	// Limit is the page size (1 to 100); zero leaves the API's default.
	Limit int
}

// query is the list's query with the statuses spelt as sp writes them.
func (opts UserListOptions) query(sp Spelling) url.Values {
	q := listQuery(map[string]string{"email": opts.Email}, opts.Limit)
	for _, s := range opts.Statuses {
		q.Add("status", string(userStatusSpellings.in(s, sp)))
	}
	return q
}

// userPage is one page of the user list.
type userPage struct {
	users      []User
	pagination Pagination
}

// ListUsersPage reads one page of the list; cursor is "" for the first page
// and the previous page's NextCursor after that. A status filter is an enum
// in the server's spelling: while that is unknown, the first page goes out
// in today's, and once more in the published page's if the API refuses it
// (a refused read changed nothing).
func (c *Client) ListUsersPage(ctx context.Context, opts UserListOptions, cursor string) ([]User, Pagination, error) {
	read := func(sp Spelling) (*userPage, error) {
		items, p, err := listPage[User](ctx, c, usersPath, opts.query(sp), usersField, cursor)
		if err != nil {
			return nil, err
		}
		return &userPage{users: items, pagination: p}, nil
	}
	var page *userPage
	var err error
	if len(opts.Statuses) > 0 {
		page, err = writeSpelt(ctx, c, read)
	} else {
		page, err = read(SpellingUnknown) // no enum in the query
	}
	if err != nil {
		return nil, Pagination{}, err
	}
	for i := range page.users {
		c.learnUser(&page.users[i])
	}
	return page.users, page.pagination, nil
}

// ListUsers reads every page of the list, guarded as eachPage guards
// every list: a page that says more follow without a cursor, or a cursor
// answered twice, is an error, never the end of the list (create recovery
// looks a user up here: one missed would be taken for not made).
func (c *Client) ListUsers(ctx context.Context, opts UserListOptions) ([]User, error) {
	var all []User
	err := eachPage(usersPath, func(cursor string) (Pagination, bool, error) {
		items, p, err := c.ListUsersPage(ctx, opts, cursor)
		all = append(all, items...)
		return p, true, err
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// FindUserByEmail returns the user whose email is email, compared case
// aside as the API's idempotency key compares it, or nil when none is
// listed (a deleted user is not). The API's email filter matches
// substrings, so the list is filtered again here.
func (c *Client) FindUserByEmail(ctx context.Context, email string) (*User, error) {
	all, err := c.ListUsers(ctx, UserListOptions{Email: email, Limit: maxPageSize})
	if err != nil {
		return nil, err
	}
	for i := range all {
		if strings.EqualFold(all[i].Email, email) {
			return &all[i], nil
		}
	}
	return nil, nil
}

// learnUser learns the server's spelling from a user answer, then puts the
// answer in today's.
func (c *Client) learnUser(u *User) {
	c.spelling.learnFromRole(&u.Role)
	if sp, ok := userStatusSpellings.spelling[u.Status]; ok {
		c.spelling.learn(sp)
	}
	u.canonical()
}
