// The lazily loaded network tree as plain data, changed only through these functions,
// so adding or retiring a point updates names and counts without reloading the tree.
import type { SiteNode } from '../../../api/types';

export interface SiteTree {
  roots: number[];
  nodes: Record<number, SiteNode>;
  /** Children of the sites whose children have been loaded. */
  children: Record<number, number[]>;
  parents: Record<number, number>;
}

export interface SiteTreeItem {
  key: string;
  /** Plain text, for the hover tooltip; the node itself renders from `site`. */
  title: string;
  site: SiteNode;
  isLeaf: boolean;
  children?: SiteTreeItem[];
}

export const emptyTree: SiteTree = { roots: [], nodes: {}, children: {}, parents: {} };

function withNodes(tree: SiteTree, sites: SiteNode[]): Record<number, SiteNode> {
  return { ...tree.nodes, ...Object.fromEntries(sites.map((site) => [site.id, site])) };
}

export function withRoots(tree: SiteTree, roots: SiteNode[]): SiteTree {
  return { ...tree, roots: roots.map((site) => site.id), nodes: withNodes(tree, roots) };
}

export function withChildren(tree: SiteTree, parentId: number, children: SiteNode[]): SiteTree {
  return {
    ...tree,
    nodes: withNodes(tree, children),
    children: { ...tree.children, [parentId]: children.map((child) => child.id) },
    parents: { ...tree.parents, ...Object.fromEntries(children.map((child) => [child.id, parentId])) },
  };
}

/** The site and the loaded sites above it, nearest first. */
export function lineage(tree: SiteTree, id: number): number[] {
  const chain: number[] = [];
  for (let at: number | undefined = id; at !== undefined && tree.nodes[at]; at = tree.parents[at]) chain.push(at);
  return chain;
}

function withPointCount(tree: SiteTree, parentId: number, delta: 1 | -1): Record<number, SiteNode> {
  const nodes = { ...tree.nodes };
  for (const id of lineage(tree, parentId)) {
    const node = nodes[id]!;
    nodes[id] = {
      ...node,
      counts: { ...node.counts, point: node.counts.point + delta },
      childCount: id === parentId ? node.childCount + delta : node.childCount,
    };
  }
  return nodes;
}

/** A new point under `parentId`: listed if the parent's children are loaded, counted above. */
export function withAddedPoint(tree: SiteTree, parentId: number, point: SiteNode): SiteTree {
  const nodes = { ...withPointCount(tree, parentId, 1), [point.id]: point };
  const siblings = tree.children[parentId];
  if (!siblings) return { ...tree, nodes };
  return {
    ...tree,
    nodes,
    children: { ...tree.children, [parentId]: [...siblings, point.id] },
    parents: { ...tree.parents, [point.id]: parentId },
  };
}

export function withoutPoint(tree: SiteTree, id: number): SiteTree {
  const parentId = tree.parents[id];
  if (parentId === undefined) return tree;
  const { [id]: _removed, ...nodes } = withPointCount(tree, parentId, -1);
  const { [id]: _parent, ...parents } = tree.parents;
  return { ...tree, nodes, parents, children: { ...tree.children, [parentId]: tree.children[parentId]!.filter((child) => child !== id) } };
}

export function withSite(tree: SiteTree, site: Pick<SiteNode, 'id' | 'name' | 'pointType'>): SiteTree {
  const node = tree.nodes[site.id];
  if (!node) return tree;
  return { ...tree, nodes: { ...tree.nodes, [site.id]: { ...node, name: site.name, pointType: site.pointType } } };
}

export function toTreeData(tree: SiteTree, ids: number[] = tree.roots): SiteTreeItem[] {
  return ids.map((id) => {
    const site = tree.nodes[id]!;
    const children = tree.children[id];
    return { key: String(id), title: site.name, site, isLeaf: site.childCount === 0, ...(children ? { children: toTreeData(tree, children) } : {}) };
  });
}

/** The tree's view of a site the API returned in full. */
export function nodeOf(site: SiteNode): SiteNode {
  const { id, kind, name, regionCode, pointType, childCount, counts } = site;
  return { id, kind, name, regionCode, pointType, childCount, counts };
}
