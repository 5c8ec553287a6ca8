package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// objectType names one type of Arize object in what the provider tells the
// user, so that the text of every diagnostic below is written once for all
// of them. Each resource type declares its own beside its resource.
type objectType struct {
	// noun is the type in prose: "AI integration".
	noun string
	// short is the noun in a placeholder: "integration", as in "<integration id>".
	short string
	// resource is the Terraform resource type: "arize_ai_integration".
	resource string
	// uniqueIn is where names of this type are unique, in prose: "this
	// organization" for a space; "" for the Arize account.
	uniqueIn string
}

// nameScope is where names of this type are unique: "this Arize account"
// unless uniqueIn says otherwise.
func (o objectType) nameScope() string {
	if o.uniqueIn == "" {
		return "this Arize account"
	}
	return o.uniqueIn
}

func (o objectType) plural() string { return o.noun + "s" }

// withArticle is a noun with its indefinite article: "an AI integration".
// A written vowel is the rule; "user" (said "you-") is the exception among
// this provider's nouns.
func withArticle(noun string) string {
	if noun != "" && strings.ContainsAny(noun[:1], "AEIOUaeiou") && !strings.HasPrefix(strings.ToLower(noun), "us") {
		return "an " + noun
	}
	return "a " + noun
}

// couldNot is the summary of a failed call: "Could not create the Arize AI
// integration".
func (o objectType) couldNot(verb string) string {
	return "Could not " + verb + " the Arize " + o.noun
}

// couldNotList is the summary of a failed list.
func (o objectType) couldNotList() string {
	return "Could not list Arize " + o.plural()
}

// notFound is the summary of a lookup that found nothing.
func (o objectType) notFound() string { return o.noun + " not found" }

// noneWithID is the detail of a lookup by an ID that names nothing.
func (o objectType) noneWithID(id string) string {
	return fmt.Sprintf("No %s with ID %q exists in this Arize account.", o.noun, id)
}

// noneNamed is the detail of a lookup by a name that nothing has.
func (o objectType) noneNamed(name string) string {
	return fmt.Sprintf("No %s named %q exists in %s.", o.noun, name, o.nameScope())
}

// severalMatch is the summary of a lookup by name that found more than one.
func (o objectType) severalMatch() string { return "Several " + o.plural() + " match" }

// severalNamed is its detail: the objects named name are ids.
func (o objectType) severalNamed(name string, ids []string) string {
	return fmt.Sprintf("%d %s are named %q (IDs %s); look one up by id instead.", len(ids), o.plural(), name, strings.Join(ids, ", "))
}

// apiErrorDetail is the detail of a diagnostic for err: the API's own words,
// after what to do about the errors whose cure is not in the configuration
// being applied.
func apiErrorDetail(o objectType, err error) string {
	var apiErr *arize.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Status {
		case http.StatusUnauthorized:
			return "Arize rejected the API key. Check the provider's api_key (or " + EnvAPIKey + "), and that the key " +
				"belongs to the account this endpoint serves.\n\n" + err.Error()
		case http.StatusForbidden:
			return "The API key is not allowed to manage " + o.plural() + ". Ask an admin of the Arize account for that " +
				"permission, or use another key.\n\n" + err.Error()
		}
	}
	return err.Error()
}

// createErrorDetail is apiErrorDetail for a create of the object named name:
// it also says what to do when the name is taken, or when the create was cut
// off and may have happened.
func createErrorDetail(o objectType, name string, err error) string {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("The create of %q was interrupted, so whether Arize made the %s is unknown. "+
			"If %s of that name now exists, import it rather than applying again, which would fail "+
			"on the name.\n\n%s", name, o.short, withArticle(o.short), err)
	}
	if arize.IsConflict(err) {
		return fmt.Sprintf("%s named %q already exists in %s (names are unique). "+
			"Choose another name, or bring the existing one under Terraform with an import block "+
			"(import { to = %s.<name>, id = \"<%s id>\" }) or "+
			"'terraform import %s.<name> <%s id>'.\n\n%s",
			upperFirst(withArticle(o.noun)), name, o.nameScope(), o.resource, o.short, o.resource, o.short, err)
	}
	return apiErrorDetail(o, err)
}

// updateErrorDetail is apiErrorDetail for an update that would name the
// object name.
func updateErrorDetail(o objectType, name string, err error) string {
	if arize.IsConflict(err) {
		return fmt.Sprintf("Another %s in %s is already named %q.\n\n%s", o.noun, o.nameScope(), name, err)
	}
	return apiErrorDetail(o, err)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// quotedValues renders values quoted for a diagnostic's prose, the last
// joined by conjunction: "A", "B" or "C".
func quotedValues(values []string, conjunction string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " " + conjunction + " " + quoted[len(quoted)-1]
}
