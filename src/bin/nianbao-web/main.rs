//! The web app (placeholder while it is being written).
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <main><h1>{ "政府信息公开工作年度报告检查" }</h1></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
