<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Start</title></head>
<body><main><h1>Start</h1><ul><#list published_posts as post><li>${post.title!""}</li></#list></ul></main></body></html>
