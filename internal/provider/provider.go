// Package provider is the Terraform layer of the Arize provider: the provider
// block, and the resources that map Terraform's plan and state onto the API
// client in internal/arize.
package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// Address is the provider's registry address.
const Address = "registry.terraform.io/arize-ai/arize"

// Environment variables the provider block falls back to.
const (
	EnvAPIKey         = "ARIZE_API_KEY" //nolint:gosec // the variable's name, not a credential
	EnvEndpoint       = "ARIZE_ENDPOINT"
	EnvMaxRetries     = "ARIZE_MAX_RETRIES"
	EnvRequestTimeout = "ARIZE_REQUEST_TIMEOUT"
)

var (
	_ provider.Provider                  = (*arizeProvider)(nil)
	_ provider.ProviderWithListResources = (*arizeProvider)(nil)
)

type arizeProvider struct {
	version string
}

// New returns a constructor of the provider at version (set by the build).
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &arizeProvider{version: version} }
}

type providerModel struct {
	APIKey         types.String `tfsdk:"api_key"`
	Endpoint       types.String `tfsdk:"endpoint"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

func (p *arizeProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "arize"
	resp.Version = p.version
}

func (p *arizeProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Arize provider manages [Arize AX](https://arize.com) resources through the Arize REST API v2.",
		Attributes: map[string]schema.Attribute{
			"api_key": schema.StringAttribute{
				MarkdownDescription: "An Arize API key, sent as a bearer token. Falls back to the `" + EnvAPIKey + "` environment variable. " +
					"Provider configuration is never written to state.",
				Optional:  true,
				Sensitive: true,
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "The base URL of the Arize API, for a regional host such as `https://api.eu-west-1a.arize.com`. " +
					"Falls back to the `" + EnvEndpoint + "` environment variable, then to `" + arize.DefaultEndpoint + "`. " +
					"Must be `https://`; plain `http://` is accepted only for a loopback host.",
				Optional:   true,
				Validators: []validator.String{endpointValidator{}},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many times a failed request is tried again (0 to %d). Rate limits (429) and "+
					"unavailability (503) are retried after the API's `Retry-After`; other server errors and network failures "+
					"with exponential backoff and jitter. Falls back to the `%s` environment variable, then to %d.",
					maxMaxRetries, EnvMaxRetries, arize.DefaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("How long one try of a request may take, as a Go duration such as `\"30s\"` or "+
					"`\"2m\"`. Falls back to the `%s` environment variable, then to `\"%s\"`.", EnvRequestTimeout, arize.DefaultRequestTimeout),
				Optional:   true,
				Validators: []validator.String{durationValidator{}},
			},
		},
	}
}

// maxMaxRetries bounds max_retries: with the backoff capped at 30 s, more
// tries would only stall a run that cannot succeed.
const maxMaxRetries = 20

func (p *arizeProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.APIKey.IsUnknown() || cfg.Endpoint.IsUnknown() || cfg.MaxRetries.IsUnknown() || cfg.RequestTimeout.IsUnknown() {
		resp.Diagnostics.AddError("Provider configuration not yet known",
			"The Arize provider's settings must be known before planning; they cannot depend on values computed during apply.")
		return
	}

	apiKey := stringOr(cfg.APIKey, os.Getenv(EnvAPIKey))
	if apiKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing Arize API key",
			"The Arize provider needs an API key. Set api_key in the provider block, or the "+EnvAPIKey+" environment variable.")
		return
	}
	endpoint := stringOr(cfg.Endpoint, os.Getenv(EnvEndpoint))
	if endpoint == "" {
		endpoint = arize.DefaultEndpoint
	}

	retries, timeout := retrySettings(cfg, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := arize.New(arize.Config{
		Endpoint:       endpoint,
		APIKey:         apiKey,
		UserAgent:      userAgent(p.version, req.TerraformVersion),
		Logger:         tflogLogger{secrets: []string{apiKey}},
		MaxRetries:     retries,
		RequestTimeout: timeout,
	})
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("endpoint"), "Invalid Arize endpoint", err.Error())
		return
	}
	// Every resource, data source and list resource takes it with clientFrom.
	data := &providerData{client: client, models: newIntegrationModels()}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ListResourceData = data
}

func (p *arizeProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewAIIntegrationResource,
		NewOrganizationResource,
		NewSpaceResource,
		NewOrganizationMemberResource,
		NewSpaceMemberResource,
		NewEvaluatorResource,
		NewUserResource,
		NewRoleResource,
		NewRoleBindingResource,
		NewProjectResource,
		NewProjectRestrictionResource,
		NewServiceAPIKeyResource,
		NewUserAPIKeyResource,
	}
}

func (p *arizeProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewAIIntegrationListResource,
		NewOrganizationListResource,
		NewSpaceListResource,
		NewEvaluatorListResource,
		NewUserListResource,
		NewRoleListResource,
		NewRoleBindingListResource,
		NewProjectListResource,
		NewProjectRestrictionListResource,
		NewServiceAPIKeyListResource,
		NewUserAPIKeyListResource,
	}
}

func (p *arizeProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewAIIntegrationDataSource, NewAIIntegrationsDataSource,
		NewOrganizationDataSource, NewOrganizationsDataSource,
		NewSpaceDataSource, NewSpacesDataSource,
		NewEvaluatorDataSource, NewEvaluatorsDataSource,
		NewUserDataSource, NewUsersDataSource,
		NewRoleDataSource, NewRolesDataSource,
		NewProjectDataSource, NewProjectsDataSource,
	}
}

// retrySettings reads max_retries and request_timeout, or their environment
// variables, as arize.Config wants them.
func retrySettings(cfg providerModel, diags *diag.Diagnostics) (retries int, timeout time.Duration) {
	retries = arize.DefaultMaxRetries
	switch env := os.Getenv(EnvMaxRetries); {
	case !cfg.MaxRetries.IsNull():
		retries = int(cfg.MaxRetries.ValueInt64())
	case env != "":
		n, err := strconv.Atoi(env)
		if err != nil || n < 0 || n > maxMaxRetries {
			diags.AddAttributeError(path.Root("max_retries"), "Invalid "+EnvMaxRetries,
				fmt.Sprintf("%s must be a whole number from 0 to %d, not %q.", EnvMaxRetries, maxMaxRetries, env))
			return 0, 0
		}
		retries = n
	}
	if retries == 0 {
		retries = -1 // arize.Config: negative means no retry, zero the default
	}

	timeout = arize.DefaultRequestTimeout
	raw, source := cfg.RequestTimeout.ValueString(), "request_timeout"
	if raw == "" {
		raw, source = os.Getenv(EnvRequestTimeout), EnvRequestTimeout
	}
	if raw != "" {
		d, err := parsePositiveDuration(raw)
		if err != nil {
			diags.AddAttributeError(path.Root("request_timeout"), "Invalid "+source, err.Error())
			return 0, 0
		}
		timeout = d
	}
	return retries, timeout
}

// stringOr returns v's value, or fallback when v is null or empty.
func stringOr(v types.String, fallback string) string {
	if s := v.ValueString(); s != "" {
		return s
	}
	return fallback
}

func userAgent(providerVersion, terraformVersion string) string {
	if terraformVersion == "" {
		terraformVersion = "unknown"
	}
	return fmt.Sprintf("terraform-provider-arize/%s (+https://www.terraform.io) Terraform/%s", providerVersion, terraformVersion)
}
