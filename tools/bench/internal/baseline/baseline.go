// Package baseline is the benchmark's no-I/O baseline provider: the shipped
// provider's schema, validation and plan modifiers for arize_ai_integration,
// with its create, read, update and delete done in memory instead of through
// the API client. `make bench` compares the real provider with it, so that
// what Terraform core and the framework cost is told apart from what the
// client, JSON and the network add. It lives in the benchmark's module: the
// shipped provider has no hook for it.
package baseline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	arizeprovider "github.com/arize-ai/terraform-provider-arize/internal/provider"
)

// New returns the baseline provider: the real one, less its client, its data
// sources and its list resource.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &baselineProvider{Provider: arizeprovider.New(version)()}
	}
}

type baselineProvider struct {
	provider.Provider // Metadata and Schema, as shipped
}

// Configure sets up no client: nothing calls the API.
func (*baselineProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (*baselineProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource {
		return &inMemory{shipped: arizeprovider.NewAIIntegrationResource()}
	}}
}

func (*baselineProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

var (
	_ resource.ResourceWithValidateConfig = (*inMemory)(nil)
	_ resource.ResourceWithModifyPlan     = (*inMemory)(nil)
)

// inMemory is arize_ai_integration with the shipped schema, validation and
// plan modification, and no API: the state is the plan with what Arize would
// compute filled in.
type inMemory struct {
	shipped resource.Resource
}

func (r *inMemory) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.shipped.Metadata(ctx, req, resp)
}

func (r *inMemory) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	r.shipped.Schema(ctx, req, resp)
}

func (r *inMemory) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if v, ok := r.shipped.(resource.ResourceWithValidateConfig); ok {
		v.ValidateConfig(ctx, req, resp)
	}
}

func (r *inMemory) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if m, ok := r.shipped.(resource.ResourceWithModifyPlan); ok {
		m.ModifyPlan(ctx, req, resp)
	}
}

func (r *inMemory) Create(_ context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = known(req.Plan.Raw)
}

// Read keeps the state: there is nothing to read it from.
func (r *inMemory) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (r *inMemory) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = known(req.Plan.Raw)
}

// Delete has nothing to remove; the framework drops the state.
func (r *inMemory) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// known replaces what the plan leaves unknown (the id, the timestamps, the
// creator) with values of the right type, as Arize's answer would.
func known(plan tftypes.Value) tftypes.Value {
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	out, err := tftypes.Transform(plan, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		switch {
		case v.Type().Is(tftypes.Bool):
			return tftypes.NewValue(tftypes.Bool, false), nil
		case v.Type().Is(tftypes.String) && p.Equal(tftypes.NewAttributePath().WithAttributeName("id")):
			return tftypes.NewValue(tftypes.String, newID()), nil
		case v.Type().Is(tftypes.String):
			return tftypes.NewValue(tftypes.String, now), nil
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
	if err != nil {
		panic(err) // Transform fails only on a callback error, and this callback returns none
	}
	return out
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
