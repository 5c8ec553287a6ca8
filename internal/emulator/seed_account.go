package emulator

import (
	"fmt"
	"strings"
)

// SeededObject is one object [Server.SeedAccount] made: its id and its name.
// A role binding, a membership or a restriction has no name of its own: its
// Name says what it ties ("frank@example.com on Shared models"), and a
// restriction's ID is its project's.
type SeededObject struct {
	ID   string
	Name string
}

// SeededAccount is what [Server.SeedAccount] made, by kind, in the order it
// made them. The names are the same on every call; the ids are not (each
// has a random part).
type SeededAccount struct {
	Organizations       []SeededObject
	Spaces              []SeededObject
	Integrations        []SeededObject
	Evaluators          []SeededObject
	Roles               []SeededObject
	RoleBindings        []SeededObject
	Projects            []SeededObject
	Restrictions        []SeededObject
	Users               []SeededObject
	OrganizationMembers []SeededObject
	SpaceMembers        []SeededObject
	ServiceAPIKeys      []SeededObject
	UserAPIKeys         []SeededObject
}

// Summary is one line of the counts per kind, as
// "organizations=2 spaces=4 ai_integrations=10 ...".
func (a SeededAccount) Summary() string {
	kinds := []struct {
		name string
		n    int
	}{
		{"organizations", len(a.Organizations)}, {"spaces", len(a.Spaces)},
		{"ai_integrations", len(a.Integrations)}, {"evaluators", len(a.Evaluators)},
		{"roles", len(a.Roles)}, {"role_bindings", len(a.RoleBindings)},
		{"projects", len(a.Projects)}, {"project_restrictions", len(a.Restrictions)},
		{"users", len(a.Users)}, {"organization_members", len(a.OrganizationMembers)},
		{"space_members", len(a.SpaceMembers)},
		{"service_api_keys", len(a.ServiceAPIKeys)}, {"user_api_keys", len(a.UserAPIKeys)},
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s=%d", k.name, k.n)
	}
	return strings.Join(parts, " ")
}

// seedScope names a scoping by the names SeedAccount gives: an organization
// and optionally one of its spaces.
type seedScope struct{ org, space string }

// SeedAccount fills the server, through the same hooks tests use (no HTTP
// request is made or counted), with a realistic hand-built account for
// adoption tests and `arize-emulator -seed-account`:
//
//   - organizations "Platform" (spaces "Shared models" and "Customer
//     support", private) and "Research" ("Experiments" and "Evaluation
//     datasets", private): the scoping guide looks up "Platform" and
//     "Shared models" by name;
//   - 10 AI integrations of every provider, account-wide or scoped to an
//     organization or to spaces, some with an API key, model names, default
//     models, AWS or GCP provider_metadata, and a gateway with auth_type
//     PROXY_WITH_HEADERS and headers;
//   - 3 evaluators: two LLM judges (TEMPLATE) calling seeded integrations
//     and one managed CODE evaluator;
//   - 2 custom roles, 3 role bindings (two on spaces, one on a project);
//   - 3 projects, one of them restricted;
//   - 2 users (frank@example.com, MEMBER; grace@example.com, ANNOTATOR),
//     members of an organization each and of a space of it;
//   - 3 API keys: the service key "CI pipeline", with roles in "Platform"
//     and its space "Shared models" (so listed in that space only); the
//     service key "Evaluation exporter", read-only in "Customer support"
//     and in "Experiments", of the other organization (so found by each
//     organization's adoption pass, as the guide warns); and the
//     user key "Local notebooks" of the server's own caller
//     (Options.UserID), whose keys are the ones a client using the server's
//     key lists and manages. Their secrets are thrown away, as a key made
//     by hand has a secret only its maker holds.
//
// Every value is one the Terraform provider accepts and reads back as
// given. The users the server already holds (cmd/arize-emulator's four) are
// left alone. Seeding a server that already holds one of these names fails
// with the hook's *Problem (409), wrapped.
func (s *Server) SeedAccount() (SeededAccount, error) {
	var a SeededAccount
	orgIDs := map[string]string{}
	spaceIDs := map[seedScope]string{}

	for _, o := range []struct{ name, description string }{
		{"Platform", "Shared infrastructure: the models and LLM gateways every product team uses"},
		{"Research", "Applied research: prompt experiments and evaluation datasets"},
	} {
		org, err := s.PutOrganization(o.name, o.description)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed organization %q: %w", o.name, err)
		}
		orgIDs[o.name] = org.ID
		a.Organizations = append(a.Organizations, SeededObject{org.ID, org.Name})
	}

	for _, sp := range []struct {
		org, name, description string
		private                bool
	}{
		{"Platform", "Shared models", "Models served to every product team", false},
		{"Platform", "Customer support", "The support assistant and its ticket triage", true},
		{"Research", "Experiments", "Prompt and model experiments", false},
		{"Research", "Evaluation datasets", "Golden sets and annotation queues", true},
	} {
		space, err := s.PutSpace(orgIDs[sp.org], sp.name, sp.description, sp.private)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed space %q: %w", sp.name, err)
		}
		spaceIDs[seedScope{sp.org, sp.name}] = space.ID
		a.Spaces = append(a.Spaces, SeededObject{space.ID, space.Name})
	}

	shared := seedScope{"Platform", "Shared models"}
	support := seedScope{"Platform", "Customer support"}
	experiments := seedScope{"Research", "Experiments"}
	datasets := seedScope{"Research", "Evaluation datasets"}
	externalID := "arize-platform-7f3c"
	integrationIDs := map[string]string{}
	for _, in := range []struct {
		Integration
		scopes []seedScope
	}{
		{Integration{Name: "OpenAI production", Provider: "OPEN_AI", APIKey: "sk-seeded-openai-production", //nolint:gosec // G101: a made-up key
			ModelNames: []string{"gpt-4o", "gpt-4o-mini"}, FunctionCallingEnabled: true}, nil},
		{Integration{Name: "Azure OpenAI EU", Provider: "AZURE_OPEN_AI", APIKey: "seeded-azure-eu-key", //nolint:gosec // G101: a made-up key
			BaseURL: "https://contoso-eu.openai.azure.com", ModelNames: []string{"gpt-4o"}, FunctionCallingEnabled: true},
			[]seedScope{{org: "Platform"}}},
		{Integration{Name: "Azure OpenAI support", Provider: "AZURE_OPEN_AI", APIKey: "seeded-azure-support-key", //nolint:gosec // G101: a made-up key
			BaseURL: "https://contoso-support.openai.azure.com", ModelNames: []string{"gpt-4o-mini"},
			EnableDefaultModels: true, FunctionCallingEnabled: true}, []seedScope{support}},
		{Integration{Name: "Bedrock Claude", Provider: "AWS_BEDROCK",
			ModelNames:             []string{"anthropic.claude-3-5-sonnet-20240620-v1:0"},
			FunctionCallingEnabled: true,
			ProviderMetadata: &ProviderMetadata{Kind: kindAWS,
				RoleARN: "arn:aws:iam::123456789012:role/arize-bedrock", ExternalID: &externalID}},
			[]seedScope{shared}},
		{Integration{Name: "Vertex AI research", Provider: "VERTEX_AI", EnableDefaultModels: true,
			FunctionCallingEnabled: true,
			ProviderMetadata: &ProviderMetadata{Kind: kindGCP,
				ProjectID: "research-ml-prod", Location: "us-central1", ProjectAccessLabel: "arize-research"}},
			[]seedScope{{org: "Research"}}},
		{Integration{Name: "Anthropic direct", Provider: "ANTHROPIC", APIKey: "sk-ant-seeded-direct", //nolint:gosec // G101: a made-up key
			EnableDefaultModels: true, FunctionCallingEnabled: true}, []seedScope{shared, experiments}},
		{Integration{Name: "Gemini default models", Provider: "GEMINI", APIKey: "seeded-gemini-key", //nolint:gosec // G101: a made-up key
			EnableDefaultModels: true, FunctionCallingEnabled: true}, nil},
		{Integration{Name: "NVIDIA NIM on-prem", Provider: "NVIDIA_NIM",
			BaseURL:    "https://nim.research.example.com/v1",
			ModelNames: []string{"meta/llama-3.1-70b-instruct"}}, []seedScope{datasets}},
		{Integration{Name: "Internal LLM gateway", Provider: "CUSTOM",
			BaseURL: "https://llm-gateway.example.com/v1", AuthType: authProxyWithHeaders,
			Headers:    map[string]string{"X-Gateway-Key": "seeded-gateway-secret", "X-Team": "platform"},
			ModelNames: []string{"gpt-4o", "claude-3-5-sonnet"}, FunctionCallingEnabled: true},
			[]seedScope{{org: "Platform"}}},
		{Integration{Name: "OpenAI sandbox", Provider: "OPEN_AI", EnableDefaultModels: true},
			[]seedScope{experiments}},
	} {
		for _, sc := range in.scopes {
			in.Scopings = append(in.Scopings, Scoping{OrganizationID: orgIDs[sc.org], SpaceID: spaceIDs[sc]})
		}
		out, err := s.Put(in.Integration)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed AI integration %q: %w", in.Name, err)
		}
		integrationIDs[out.Name] = out.ID
		a.Integrations = append(a.Integrations, SeededObject{out.ID, out.Name})
	}

	zero := 0.0
	for _, e := range []struct {
		space             seedScope
		name, description string
		config            EvaluatorConfig
	}{
		{shared, "Hallucination judge", "Flags answers not supported by the retrieved context", EvaluatorConfig{
			Template: &TemplateConfig{
				Name: "hallucination",
				Template: "Given the context {context} and the question {input}, is the answer {output} " +
					"supported by the context? Answer factual or hallucinated.",
				IncludeExplanations:   true,
				ClassificationChoices: map[string]float64{"factual": 1, "hallucinated": 0},
				LLMConfig: LLMConfig{AIIntegrationID: integrationIDs["OpenAI production"], ModelName: "gpt-4o",
					InvocationParameters: InvocationParameters{Temperature: &zero}},
			}}},
		{support, "Support tone", "Rates whether the assistant's reply is polite and helpful", EvaluatorConfig{
			Template: &TemplateConfig{
				Name:                  "support_tone",
				Template:              "Is this customer support reply polite and helpful? Reply: {output}. Answer good or poor.",
				ClassificationChoices: map[string]float64{"good": 1, "poor": 0},
				LLMConfig:             LLMConfig{AIIntegrationID: integrationIDs["Azure OpenAI support"], ModelName: "gpt-4o-mini"},
			}}},
		{experiments, "Valid JSON output", "Checks that the model's output parses as JSON", EvaluatorConfig{
			Code: &CodeConfig{Type: codeManaged, Name: "valid_json", ManagedEvaluator: "JSON_PARSEABLE",
				Variables: []string{"output"}}}},
	} {
		out, err := s.PutEvaluator(spaceIDs[e.space], e.name, e.description, e.config)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed evaluator %q: %w", e.name, err)
		}
		a.Evaluators = append(a.Evaluators, SeededObject{out.ID, out.Name})
	}

	projects := map[string]Project{}
	for _, p := range []struct {
		space seedScope
		name  string
	}{
		{shared, "Support chatbot"},
		{support, "Ticket triage"},
		{experiments, "Red team evals"},
	} {
		out, err := s.PutProject(spaceIDs[p.space], p.name)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed project %q: %w", p.name, err)
		}
		projects[p.name] = out
		a.Projects = append(a.Projects, SeededObject{out.ID, out.Name})
	}
	restricted := projects["Red team evals"]
	if _, err := s.PutRestriction(restricted.ID); err != nil {
		return SeededAccount{}, fmt.Errorf("seed restriction of %q: %w", restricted.Name, err)
	}
	a.Restrictions = append(a.Restrictions, SeededObject{restricted.ID, restricted.Name})

	users := map[string]User{}
	for _, u := range []User{
		{Email: "frank@example.com", Name: "Frank", Role: roleMember},
		{Email: "grace@example.com", Name: "Grace", Role: roleAnnotator},
	} {
		out, err := s.PutUser(u)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed user %q: %w", u.Email, err)
		}
		users[out.Email] = out
		a.Users = append(a.Users, SeededObject{out.ID, out.Email})
	}

	for _, m := range []struct {
		email string
		scope seedScope
		role  string
	}{
		{"frank@example.com", shared, roleMember},
		{"grace@example.com", datasets, roleAnnotator},
	} {
		userID := users[m.email].ID
		role := MemberRole{Type: "PREDEFINED", Name: m.role}
		id, err := s.PutOrganizationMember(orgIDs[m.scope.org], userID, role)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed member %q of %q: %w", m.email, m.scope.org, err)
		}
		a.OrganizationMembers = append(a.OrganizationMembers, SeededObject{id, m.email + " in " + m.scope.org})
		if id, err = s.PutSpaceMember(spaceIDs[m.scope], userID, role); err != nil {
			return SeededAccount{}, fmt.Errorf("seed member %q of %q: %w", m.email, m.scope.space, err)
		}
		a.SpaceMembers = append(a.SpaceMembers, SeededObject{id, m.email + " in " + m.scope.space})
	}

	roleIDs := map[string]string{}
	for _, r := range []Role{
		{Name: "Model reviewer", Description: "Reads projects, traces, evaluators, datasets and experiments",
			Permissions: []string{"DATASET_READ", "EVALUATOR_READ", "EXPERIMENT_READ", "PROJECT_READ", "PROJECT_SPAN_READ"}},
		{Name: "Trace annotator", Description: "Reads and annotates traces and annotation queues",
			Permissions: []string{"PROJECT_READ", "PROJECT_SPAN_ANNOTATE", "PROJECT_SPAN_READ", "QUEUE_READ", "QUEUE_RECORD_ANNOTATE"}},
	} {
		out, err := s.PutRole(r)
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed role %q: %w", r.Name, err)
		}
		roleIDs[out.Name] = out.ID
		a.Roles = append(a.Roles, SeededObject{out.ID, out.Name})
	}

	for _, b := range []struct {
		role, email, resourceType, resourceID, on string
	}{
		{"Model reviewer", "frank@example.com", resourceSpace, spaceIDs[shared], shared.space},
		{"Trace annotator", "grace@example.com", resourceSpace, spaceIDs[datasets], datasets.space},
		{"Trace annotator", "grace@example.com", resourceProject, restricted.ID, restricted.Name},
	} {
		out, err := s.PutRoleBinding(RoleBinding{RoleID: roleIDs[b.role], UserID: users[b.email].ID,
			ResourceType: b.resourceType, ResourceID: b.resourceID})
		if err != nil {
			return SeededAccount{}, fmt.Errorf("seed binding of %q to %q on %q: %w", b.role, b.email, b.on, err)
		}
		a.RoleBindings = append(a.RoleBindings, SeededObject{out.ID, b.role + " for " + b.email + " on " + b.on})
	}

	ci, _, err := s.PutAPIKey(APIKey{KeyType: keyService, Name: "CI pipeline", Description: "Uploads traces from CI runs",
		BotUser: &BotUser{Organizations: []BotUserOrganization{{
			OrgID: orgIDs[shared.org], Role: MemberRole{Type: "PREDEFINED", Name: roleReadOnly},
			Spaces: []BotUserSpace{{SpaceID: spaceIDs[shared], Role: MemberRole{Type: "PREDEFINED", Name: roleMember}}},
		}}}})
	if err != nil {
		return SeededAccount{}, fmt.Errorf("seed service API key %q: %w", "CI pipeline", err)
	}
	a.ServiceAPIKeys = append(a.ServiceAPIKeys, SeededObject{ci.ID, ci.Name})
	exporter, _, err := s.PutAPIKey(APIKey{KeyType: keyService, Name: "Evaluation exporter",
		Description: "Exports evaluation results from both organizations",
		BotUser: &BotUser{Organizations: []BotUserOrganization{{
			OrgID: orgIDs[support.org], Role: MemberRole{Type: "PREDEFINED", Name: roleReadOnly},
			Spaces: []BotUserSpace{{SpaceID: spaceIDs[support], Role: MemberRole{Type: "PREDEFINED", Name: roleReadOnly}}},
		}, {
			OrgID: orgIDs[experiments.org], Role: MemberRole{Type: "PREDEFINED", Name: roleReadOnly},
			Spaces: []BotUserSpace{{SpaceID: spaceIDs[experiments], Role: MemberRole{Type: "PREDEFINED", Name: roleReadOnly}}},
		}}}})
	if err != nil {
		return SeededAccount{}, fmt.Errorf("seed service API key %q: %w", "Evaluation exporter", err)
	}
	a.ServiceAPIKeys = append(a.ServiceAPIKeys, SeededObject{exporter.ID, exporter.Name})
	notebooks, _, err := s.PutAPIKey(APIKey{KeyType: keyUser, Name: "Local notebooks",
		Description: "Ad-hoc analysis from notebooks"})
	if err != nil {
		return SeededAccount{}, fmt.Errorf("seed user API key %q: %w", "Local notebooks", err)
	}
	a.UserAPIKeys = append(a.UserAPIKeys, SeededObject{notebooks.ID, notebooks.Name})
	return a, nil
}
