package provider

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	hclv2 "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestExampleQueryFiles checks every query file under examples/ (the list
// resources' pages and the adoption guide's files) against the provider's
// list resources, with no CLI and no API: each list block names a list
// resource the provider has, and each attribute of its config block is
// one that list resource takes. A filter renamed in the code, or
// misspelled in an example, fails here rather than in a reader's terraform
// query.
func TestExampleQueryFiles(t *testing.T) {
	ctx := context.Background()
	p := New("test")().(*arizeProvider)
	filters := map[string][]string{}
	for _, newList := range p.ListResources(ctx) {
		l := newList()
		var meta resource.MetadataResponse
		l.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "arize"}, &meta)
		var schema list.ListResourceSchemaResponse
		l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schema)
		filters[meta.TypeName] = []string{} // a list resource may take no filter
		for name := range schema.Schema.Attributes {
			filters[meta.TypeName] = append(filters[meta.TypeName], name)
		}
	}

	var files []string
	err := filepath.WalkDir(filepath.Join("..", "..", "examples"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tfquery.hcl") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < len(filters) {
		t.Fatalf("%d query files under examples/, fewer than the %d list resources", len(files), len(filters))
	}
	used := map[string]bool{}
	for _, path := range files {
		f, diags := hclsyntax.ParseConfig([]byte(readFile(t, path)), path, hclv2.InitialPos)
		if diags.HasErrors() {
			t.Errorf("%s does not parse: %v", path, diags)
			continue
		}
		for _, b := range f.Body.(*hclsyntax.Body).Blocks {
			if b.Type != "list" {
				continue
			}
			typ := b.Labels[0]
			attrs, ok := filters[typ]
			if !ok {
				t.Errorf("%s: list %q: the provider has no such list resource", path, typ)
				continue
			}
			used[typ] = true
			for _, inner := range b.Body.Blocks {
				if inner.Type != "config" {
					continue
				}
				for name := range inner.Body.Attributes {
					if !slices.Contains(attrs, name) {
						t.Errorf("%s: list %q: no filter %q (it takes %v)", path, typ, name, attrs)
					}
				}
			}
		}
	}
	for typ := range filters {
		if !used[typ] {
			t.Errorf("no example query file lists %s", typ)
		}
	}
}
