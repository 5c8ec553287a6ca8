package provider

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// These helpers talk to the provider as Terraform does, through the plugin
// protocol (tfprotov6), but in the test process: the same server main.go
// serves, sent requests built from plain Go values. Validation, plan logic
// and Configure are tested this way with no Terraform CLI and no TF_ACC, in
// milliseconds; the acceptance tests then show the same through a CLI.
//
//	p := newProtoProvider(t)
//	diags := p.validateResource("arize_ai_integration", tfObject{"name": "x", "ai_provider": "OPEN_AI"})
//	plan := p.planResource("arize_ai_integration", priorState, config)

// tfObject is an object in a test, by attribute name. An attribute left out
// is null. Values are Go values that tfValue converts.
type tfObject map[string]any

// unknownValue is the type of unknown.
type unknownValue struct{}

// unknown stands for a value known only at apply, such as another
// resource's output.
var unknown = unknownValue{}

// tfValue converts v to a value of typ: nil is null, unknown is unknown, a
// string, bool or int is itself, a []string or []any is a list or set, and
// a tfObject is an object (its missing attributes null) or a map.
func tfValue(t *testing.T, typ tftypes.Type, v any) tftypes.Value {
	t.Helper()
	switch v := v.(type) {
	case nil:
		return tftypes.NewValue(typ, nil)
	case unknownValue:
		return tftypes.NewValue(typ, tftypes.UnknownValue)
	case tftypes.Value:
		return v
	case string, bool:
		return tftypes.NewValue(typ, v)
	case int:
		return tftypes.NewValue(typ, big.NewFloat(float64(v)))
	case []string:
		items := make([]any, len(v))
		for i, s := range v {
			items[i] = s
		}
		return tfValue(t, typ, items)
	case []any:
		var elem tftypes.Type
		switch c := typ.(type) {
		case tftypes.List:
			elem = c.ElementType
		case tftypes.Set:
			elem = c.ElementType
		default:
			t.Fatalf("a list given for a %s", typ)
		}
		items := make([]tftypes.Value, len(v))
		for i, item := range v {
			items[i] = tfValue(t, elem, item)
		}
		return tftypes.NewValue(typ, items)
	case tfObject:
		fields := map[string]tftypes.Value{}
		switch c := typ.(type) {
		case tftypes.Object:
			for name := range v {
				if _, ok := c.AttributeTypes[name]; !ok {
					t.Fatalf("no attribute %q in %s", name, typ)
				}
			}
			for name, attrType := range c.AttributeTypes {
				fields[name] = tfValue(t, attrType, v[name])
			}
		case tftypes.Map:
			for name, item := range v {
				fields[name] = tfValue(t, c.ElementType, item)
			}
		default:
			t.Fatalf("an object given for a %s", typ)
		}
		return tftypes.NewValue(typ, fields)
	}
	t.Fatalf("tfValue: cannot convert %T", v)
	return tftypes.Value{}
}

// attrOf is the attribute name of the object value v.
func attrOf(t *testing.T, v tftypes.Value, name string) tftypes.Value {
	t.Helper()
	var fields map[string]tftypes.Value
	if err := v.As(&fields); err != nil {
		t.Fatalf("attribute %s of %s: %v", name, v, err)
	}
	attr, ok := fields[name]
	if !ok {
		t.Fatalf("no attribute %s in %s", name, v)
	}
	return attr
}

// attrPath is the path of a (nested) attribute, as diagnostics name it.
func attrPath(names ...string) *tftypes.AttributePath {
	p := tftypes.NewAttributePath()
	for _, n := range names {
		p = p.WithAttributeName(n)
	}
	return p
}

// protoProvider is one provider server, as Terraform would start it.
type protoProvider struct {
	t       *testing.T
	server  tfprotov6.ProviderServer
	schemas *tfprotov6.GetProviderSchemaResponse
}

func newProtoProvider(t *testing.T) *protoProvider {
	t.Helper()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || hasErrors(schemas.Diagnostics) {
		t.Fatalf("GetProviderSchema: %v %s", err, diagsText(schemas.Diagnostics))
	}
	return &protoProvider{t: t, server: server, schemas: schemas}
}

// dynamic is config as a value of schema, as Terraform sends it.
func (p *protoProvider) dynamic(schema *tfprotov6.Schema, v tftypes.Value) *tfprotov6.DynamicValue {
	p.t.Helper()
	dv, err := tfprotov6.NewDynamicValue(schema.ValueType(), v)
	if err != nil {
		p.t.Fatal(err)
	}
	return &dv
}

func (p *protoProvider) resourceSchema(typeName string) *tfprotov6.Schema {
	p.t.Helper()
	s, ok := p.schemas.ResourceSchemas[typeName]
	if !ok {
		p.t.Fatalf("no resource %s", typeName)
	}
	return s
}

// configure sends ConfigureProvider with the provider block config, as
// Terraform 1.16.4 would.
func (p *protoProvider) configure(config tfObject) []*tfprotov6.Diagnostic {
	p.t.Helper()
	schema := p.schemas.Provider
	resp, err := p.server.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.16.4",
		Config:           p.dynamic(schema, tfValue(p.t, schema.ValueType(), config)),
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.Diagnostics
}

// validateResource sends ValidateResourceConfig with a resource block's
// config, from a client that supports write-only attributes.
func (p *protoProvider) validateResource(typeName string, config tfObject) []*tfprotov6.Diagnostic {
	p.t.Helper()
	schema := p.resourceSchema(typeName)
	resp, err := p.server.ValidateResourceConfig(context.Background(), &tfprotov6.ValidateResourceConfigRequest{
		TypeName:           typeName,
		Config:             p.dynamic(schema, tfValue(p.t, schema.ValueType(), config)),
		ClientCapabilities: &tfprotov6.ValidateResourceConfigClientCapabilities{WriteOnlyAttributesAllowed: true},
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.Diagnostics
}

// planned is the provider's answer to PlanResourceChange.
type planned struct {
	state           tftypes.Value
	requiresReplace []*tftypes.AttributePath
	diags           []*tfprotov6.Diagnostic
}

// planResource sends PlanResourceChange for a resource whose state is prior
// (nil to create it) and whose config is now config. The proposed new state
// is made as Terraform makes it, for the top-level attributes: the config's
// values, except a computed attribute the config leaves null, which keeps
// the prior state's value, and a write-only one, which is always null.
func (p *protoProvider) planResource(typeName string, prior, config tfObject) planned { //nolint:unparam // for every resource type to come
	p.t.Helper()
	schema := p.resourceSchema(typeName)
	typ := schema.ValueType()
	cfg := tfValue(p.t, typ, config)
	priorState := tftypes.NewValue(typ, nil)
	if prior != nil {
		priorState = tfValue(p.t, typ, prior)
	}
	proposed := tfObject{}
	for _, a := range schema.Block.Attributes {
		v := attrOf(p.t, cfg, a.Name)
		switch {
		case a.WriteOnly:
			continue
		case a.Computed && v.IsNull() && prior != nil:
			proposed[a.Name] = attrOf(p.t, priorState, a.Name)
		case a.Computed && v.IsNull():
		default:
			proposed[a.Name] = v
		}
	}
	resp, err := p.server.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{
		TypeName:         typeName,
		PriorState:       p.dynamic(schema, priorState),
		ProposedNewState: p.dynamic(schema, tfValue(p.t, typ, proposed)),
		Config:           p.dynamic(schema, cfg),
	})
	if err != nil {
		p.t.Fatal(err)
	}
	out := planned{requiresReplace: resp.RequiresReplace, diags: resp.Diagnostics}
	if resp.PlannedState != nil {
		if out.state, err = resp.PlannedState.Unmarshal(typ); err != nil {
			p.t.Fatal(err)
		}
	}
	return out
}

// readDataSource sends ReadDataSource with a data block's config and
// returns the data source's state. Configure the provider first.
func (p *protoProvider) readDataSource(typeName string, config tfObject) (tftypes.Value, []*tfprotov6.Diagnostic) {
	p.t.Helper()
	schema, ok := p.schemas.DataSourceSchemas[typeName]
	if !ok {
		p.t.Fatalf("no data source %s", typeName)
	}
	typ := schema.ValueType()
	resp, err := p.server.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{
		TypeName: typeName,
		Config:   p.dynamic(schema, tfValue(p.t, typ, config)),
	})
	if err != nil {
		p.t.Fatal(err)
	}
	if resp.State == nil {
		return tftypes.NewValue(typ, nil), resp.Diagnostics
	}
	state, err := resp.State.Unmarshal(typ)
	if err != nil {
		p.t.Fatal(err)
	}
	return state, resp.Diagnostics
}

func hasErrors(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// diagsText renders diagnostics for a failure message.
func diagsText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "\n  %s: %s: %s", d.Severity, d.Summary, d.Detail)
		if d.Attribute != nil {
			fmt.Fprintf(&b, " (at %s)", d.Attribute)
		}
	}
	if b.Len() == 0 {
		return "no diagnostics"
	}
	return b.String()
}

// expectNoErrors fails the test if diags hold an error.
func expectNoErrors(t *testing.T, diags []*tfprotov6.Diagnostic) {
	t.Helper()
	if hasErrors(diags) {
		t.Errorf("unexpected errors:%s", diagsText(diags))
	}
}

// expectError checks diags hold exactly one error, whose summary is summary,
// whose detail contains detail, on the attribute at path (nil: none).
func expectError(t *testing.T, diags []*tfprotov6.Diagnostic, at *tftypes.AttributePath, summary, detail string) {
	t.Helper()
	var errs []*tfprotov6.Diagnostic
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			errs = append(errs, d)
		}
	}
	if len(errs) != 1 {
		t.Fatalf("want one error %q, got:%s", summary, diagsText(diags))
	}
	d := errs[0]
	if d.Summary != summary || !strings.Contains(d.Detail, detail) {
		t.Errorf("error %q: %q, want %q containing %q", d.Summary, d.Detail, summary, detail)
	}
	if (at == nil) != (d.Attribute == nil) || (at != nil && !at.Equal(d.Attribute)) {
		t.Errorf("error %q is on %v, want %v", d.Summary, d.Attribute, at)
	}
}
